import polars as pl
import pytest

import toolkit


def found(text):
    return toolkit.quotes(
        pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=False
    )  # the rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare clause that opens with a quoted word: a mixed quotation
        ('The barrister Lawrence Ma Yan-kwok spoke. Ma said "civil nomination" unnecessarily dilutes '
         "the pool of candidates.",
         [("Lawrence Ma Yan-kwok", "say", '"civil nomination" unnecessarily dilutes the pool of '
           "candidates")]),
        ("Former governor Chris Patten spoke. He said “Occupy” lingered on because the government lacks skills.",
         [("Chris Patten", "say", "“Occupy” lingered on because the government lacks skills")]),
        # a phrase of where or how in commas between the verb and "that" is no part of the
        # clause (chinadaily-nyt-2013-15)
        ("The ministry said, in a statement on Friday, that the talks had failed.",
         [("The ministry", "say", "the talks had failed")]),
        # a frame that ends the sentence with what it was said amid or after, the clause
        # before it (statemedia-headlines-2006-26); "following" opens no clause of its own
        ("West is lying, Lavrov said amid the row.", [("Lavrov", "say", "West is lying")]),
        ("Prices will rise, the ministry said following the talks.",
         [("the ministry", "say", "Prices will rise")]),
        # a quantifier and a plural no list names, then what it was said ahead of
        # (statemedia-headlines-2006-26)
        ("Elon Musk must be fired as Tesla chief, some shareholders say, ahead of the meeting.",
         [("some shareholders", "say", "Elon Musk must be fired as Tesla chief")]),
        # what a document lays down, with "that"
        ("The Executive Order also specifies that entrance examinations will be held in June.",
         [("The Executive Order", "specify", "entrance examinations will be held in June")]),
        ("The decree stipulates that the company must buy back its shares within a year.",
         [("The decree", "stipulate", "the company must buy back its shares within a year")]),
        ("The Executive Order also establishes that a company that buys its shares must sell "
         "them.",
         [("The Executive Order", "establish",
           "a company that buys its shares must sell them")]),
        # a discourse word in commas before "that" is no part of the clause; whom one told
        # with an article and two words before a pronoun's clause (PolNeAR train)
        ("Putin said, however, that the talks were useful.",
         [("Putin", "say", "the talks were useful")]),
        ("Officials told Politico, however, that she did chime in.",
         [("Officials", "tell", "she did chime in")]),
        ("Ryan told a news conference they are planting the seeds of reform.",
         [("Ryan", "tell", "they are planting the seeds of reform")]),
        # "in part" between the verb and "that"; "This" before a document is no author's voice
        ("This Executive Order states, in part, that as of April 1 gas will be paid in roubles.",
         [("Executive Order", "state", "as of April 1 gas will be paid in roubles")]),
        # a name and its appositives are the subject, not the clause of an inverted frame; a
        # parenthetical after the reported clause's subject
        ("Antonio Tabet, 39, one of the five partners who created Porta dos Fundos in 2012, "
         "said many Brazilians, despite the protests, were still sheep.",
         [("Antonio Tabet", "say", "many Brazilians, despite the protests, were still sheep")]),
        ("But many say the police force, now run by the Sheriff’s Department, has improved.",
         [("many", "say", "the police force, now run by the Sheriff’s Department, has "
           "improved")]),
        ("The economy will grow next year, said Anton Siluanov, the finance minister.",
         [("Anton Siluanov", "say", "The economy will grow next year")]),
        # a participle after "by" takes the clause's subject; "made clear that"
        ("Vladimir Putin began the conversation by noting that the region's output was growing.",
         [("Vladimir Putin", "note", "the region's output was growing")]),
        # a participle on a progressive, where no other verb has a subject (PolNeAR dev)
        ("Donald Trump is defending his early-morning tweets, saying that they show he would be "
         "awake.", [("Donald Trump", "say", "they show he would be awake")]),
        ("Nonetheless, some Greeks are turning away from both of the leading parties, saying "
         "that they would feel safer.", [("some Greeks", "say", "they would feel safer")]),
        # ... not a progressive in a clause after the main verb, nor "was during"
        ("Human Rights Watch criticized the powers for the way they are dealing with the war, "
         "saying that the talks should not become a pretext.",
         [("Human Rights Watch", "say", "the talks should not become a pretext")]),
        ("It was during this visit that the couple left, complaining that the rooms were small.",
         []),
        ("President Obama spoke. Mr. Obama made clear that his administration was unhappy.",
         [("President Obama", "make clear", "his administration was unhappy")]),
        ("He made clear his opposition to the plan.", []),
        # "As pointed out by X, ...": a passive frame before the clause
        ("As pointed out by Zhang Dejiang, chairman of the Standing Committee, conflicts have "
         "arisen as cooperation developed.",
         [("Zhang Dejiang", "point out", "conflicts have arisen as cooperation developed")]),
        ("As noted by the ministry, the number of cases fell sharply in May.",
         [("the ministry", "note", "the number of cases fell sharply in May")]),
        ("As shown by the figures, the number of cases fell sharply in May.", []),
        # still none: an object with no "that", the writer's own voice
        ("The company established a fund that will help children.", []),
        ("This author believes that the law is wrong.", []),
        # a nickname in quotation marks as an appositive (set 10)
        ('But Leung Kwok-hung, also known as "Long Hair", insisted this was to pay his legal '
         "expenses.",
         [("Leung Kwok-hung", "insist", "this was to pay his legal expenses")]),
        # a relative clause on a name's appositive, whatever its head (set 10)
        ("John C. Hagee, an evangelical pastor who once argued that biblical verses suggested "
         "that the Holocaust was part of a plan, will speak.",
         [("John C. Hagee", "argue", "biblical verses suggested that the Holocaust was part of "
           "a plan, will speak")]),
        ("Investigators spoke to an associate, Alberto Youssef, a money dealer who testified "
         "that he helped launder funds.",
         [("Alberto Youssef", "testify", "he helped launder funds")]),
        # a participle on the subject of a clause a subordinator opens (set 10)
        ("The investigation stalled when a state judge quashed subpoenas, saying he had found "
         "no probable cause.",
         [("a state judge", "say", "he had found no probable cause")]),
        # "as X said" after the clause it reports (set 10); not a clause that denies it
        ("The policies toward Hong Kong have not changed and will not change, just as the "
         "Chinese top leader Xi Jinping reiterated on Monday.",
         [("Xi Jinping", "reiterate", "The policies toward Hong Kong have not changed and will "
           "not change")]),
        ("The economy is growing steadily this year, as Xi Jinping said.",
         [("Xi Jinping", "say", "The economy is growing steadily this year")]),
        ("This invasion is not just a military operation, as Moscow claims.", []),
        # a passive frame with a participle after the speaker, or a scraper's lost space
        # (sets 11, 13); a title of two parts in commas still reaches the name
        ("Ukraine will win this war in the end. This was stated by President Volodymyr "
         "Zelenskyy, speaking at the World Economic Forum in Davos.",
         [("Volodymyr Zelenskyy", "state", "Ukraine will win this war in the end.")]),
        ("The restoration of cities will begin after liberation. This was announced byHead of "
         "the President's Office Andriy Yermak in an interview.",
         [("Andriy Yermak", "announce", "The restoration of cities will begin after liberation.")]),
        ("The Ukrainian party outlined its proposals for a new system. This was announced by Head "
         "of the Ukrainian delegation, Head of the Servant of the People faction David "
         "Arakhamia.",
         [("David Arakhamia", "announce",
           "The Ukrainian party outlined its proposals for a new system.")]),
        # a plural noun that looks like a reporting verb, a modal or preposition after it (set
        # 13; outside the sets "The CSTO states should ...")
        ("The rumors highlight a quandary in former Soviet states from Russia to Tajikistan, "
         "where the absence of a successor means that chaos could follow.", []),
        ("The CSTO states should take very seriously the risk that terrorists will strengthen.",
         []),
        ("The ministry states that the talks will go on for weeks.",
         [("The ministry", "state", "the talks will go on for weeks")]),
        # a short parenthetical between a subject and its verb (set 14)
        ("Defiance of court orders is an affront to the rule of law, the Hong Kong Bar "
         "Association (HKBA) said in a statement.",
         [("Hong Kong Bar Association", "say",
           "Defiance of court orders is an affront to the rule of law")]),
        # a named speaker's clause after a colon, no quotation marks (set 14); not "Let's"
        ("Iryna Vereshchuk emphasized: all obstacles to the convoys must be removed at once.",
         [("Iryna Vereshchuk", "emphasize", "all obstacles to the convoys must be removed at "
           "once")]),
        ("Let's say: Ukraine has gained EU candidate status now and forever.", []),
        ("The ministry listed three points: the ceasefire, the convoys and the talks.", []),
        # a day's possessive opens a clause (set 14); a name with a particle in commas
        ("Xu Xin, a law professor, said Sunday's address could be considered Xi's inaugural "
         "speech.",
         [("Xu Xin", "say", "Sunday's address could be considered Xi's inaugural speech")]),
        ("The judge, María Romilda Servini de Cubría, said in her ruling that she was invoking "
         "universal jurisdiction.",
         [("María Romilda Servini de Cubría", "say",
           "she was invoking universal jurisdiction")]),
        # an institution's name with "of the" in it, and a titled person of an institution
        ("The Standing Committee of the National People's Congress confirmed that the system "
         "will be used.",
         [("Standing Committee of the National People's Congress", "confirm",
           "the system will be used")]),
        ("Member of the National Scout Organization of Ukraine Natalia Strokan said that the "
         "scouts would help.",
         [("Natalia Strokan", "say", "the scouts would help")]),
        # a possessive before the noun of a mental state (set 12)
        ("Volodymyr Zelenskyy expressed his conviction that dialogue is impossible without "
         "partners.",
         [("Volodymyr Zelenskyy", "express belief", "dialogue is impossible without partners")]),
        # a title's full stop inside a bare clause's subject (set 12)
        ("Officials with knowledge of the presidential palace said many of Mr. Karzai’s "
         "confidants were frustrated.",
         [("Officials with knowledge of the presidential palace", "say",
           "many of Mr. Karzai’s confidants were frustrated")]),
        # a past verb right after "that" on a verb's object: a relative clause (set 12); not
        # after whom one tells
        ("Later the President of Ukraine recalled the tragic events that took place in the "
         "United States in 2001.", []),
        ("Sergey Lavrov told the reporters that increased spending was needed for the army.",
         [("Sergey Lavrov", "tell", "increased spending was needed for the army")]),
        # a bare clause that opens with "it's" or "it'll" (PolNeAR dev); "said it" is no clause
        ("His aides say it's too early to discuss a Senate run.",
         [("His aides", "say", "it's too early to discuss a Senate run")]),
        ("Sergei Ryabkov spoke later. He said it’ll take years to rebuild trust.",
         [("Sergei Ryabkov", "say", "it’ll take years to rebuild trust")]),
        ("He said it, and then left the room.", []),
        # a phrase of when or where before a bare clause with a pronoun subject (PolNeAR dev);
        # not before a noun phrase, which may be the phrase's own
        ("Trump said after the convention he would not accept the endorsement.",
         [("Trump", "say", "he would not accept the endorsement")]),
        ("Lukashenko said in Minsk they had agreed on the gas price.",
         [("Lukashenko", "say", "they had agreed on the gas price")]),
        ("Putin said in the meantime the company would pay.", []),
        # a verb negated by a contraction: what was not said (PolNeAR dev; "not" was)
        ("But Attorney General Eric Schneiderman isn’t saying if the foundation violated any "
         "laws.", []),
        ("The nominee and his aides haven't said much about how he is preparing.", []),
        ("Eric Schneiderman wasn't saying that the foundation violated any laws.", []),
        # a frame that splits its clause after the clause's subject: the clause around it
        ("The talks, Lavrov said, were useful.",
         [("Lavrov", "say", "The talks, Lavrov said, were useful")]),
        # ... with whom one told and when after the verb (PolNeAR dev)
        ("The talks, Lavrov told reporters on Friday, were useful.",
         [("Lavrov", "tell", "The talks, Lavrov told reporters on Friday, were useful")]),
        ("The difference now, Mr. King said in an interview, is that he reads the news.",
         [("Mr. King", "say",
           "The difference now, Mr. King said in an interview, is that he reads the news")]),
        # a role in the singular, and a union (PolNeAR dev)
        ("Clinton plans to visit Charlotte on Sunday, according to a campaign aide.",
         [("a campaign aide", "according to", "Clinton plans to visit Charlotte on Sunday")]),
        ("The company took steps to improve its chances in court, according to the union.",
         [("the union", "according to",
           "The company took steps to improve its chances in court")]),
        ("A resident said the water was dirty.", [("A resident", "say", "the water was dirty")]),
        # a programme's title in quotation marks among whom one told (PolNeAR dev)
        ('Sanders told MSNBC\'s "Morning Joe" that nobody would question her intelligence.',
         [("Sanders", "tell", "nobody would question her intelligence")]),
        # "and" after a clause with a verb of its own opens a new clause, whose subject speaks
        # (set 11); a pair of subjects and a pair of places before one verb stay as they were
        ("Growth was weak and experts say that the potential is fully tapped.",
         [("experts", "say", "the potential is fully tapped")]),
        ("The talks were long and Lavrov said that they were useful.",
         [("Lavrov", "say", "they were useful")]),
        ("Trump and Pence said that the potential is fully tapped.",
         [("Trump and Pence", "say", "the potential is fully tapped")]),
        # "according to" after a dash (set 35); an aside before a plural's verb and "that"
        # (set 36)
        ("Students came from China — up 21 percent from the year before — according to the "
         "Institute of International Education.",
         [("Institute of International Education", "according to",
           "Students came from China — up 21 percent from the year before")]),
        ("Rates averaged 50% – according to the ministry.",
         [("the ministry", "according to", "Rates averaged 50%")]),
        # a plural noun after its quantifier that is also a verb's form, a number with its
        # comma in a bare clause, and "always" before the verb (set 33)
        ("Some estimates say more than 190,000 residents joined the march.",
         [("Some estimates", "say", "more than 190,000 residents joined the march")]),
        ("Lavrov always said the march would take place.",
         [("Lavrov", "say", "the march would take place")]),
        ('The protest leaders have always said "Occupy Central" would take place.',
         [("The protest leaders", "say", '"Occupy Central" would take place')]),
        # a part of the day after a day is when it was said, no clause (PolNeAR dev); and
        # lower-case words before a role that ends the sentence's frame, kept with it
        ("Flynn said Thursday morning on Fox News.", []),
        ("The tax plan is an insult to workers, top black lawmakers said Friday afternoon, as "
         "they bristled at the questions.",
         [("top black lawmakers", "say", "The tax plan is an insult to workers")]),
        # a share of those polled, "they both" before its verb, a clause before a semicolon
        # (PolNeAR dev)
        ("However, 63 percent said Clinton was justified in keeping it private.",
         [("63 percent", "say", "Clinton was justified in keeping it private")]),
        ("Another 19 percent said they would not pick either candidate.",
         [("Another 19 percent", "say", "they would not pick either candidate")]),
        ("The nominee says they both share the belief that every child should have a chance.",
         [("The nominee", "say",
           "they both share the belief that every child should have a chance")]),
        ("It’s an unlikely scenario; Clinton’s team says she’ll continue her march.",
         [("Clinton’s team", "say", "she’ll continue her march")]),
        # a possessive's noun is no verb, "it's said" no one's report (set 36); a survey is an
        # institution, its country no title (set 26)
        ("Li's remarks, made outside his headquarters, echoed statements by fellow tycoons.",
         []),
        ("It's said that the talks were useful.", []),
        ("The US Geological Survey reported it was of 7.0 magnitude.",
         [("US Geological Survey", "report", "it was of 7.0 magnitude")]),
        # a preposition of place after a group's head, "Even" before a name, an appositive
        # that opens with a possessive (PolNeAR dev)
        ("Political observers in Virginia and around the country say Scott deserves the seat.",
         [("Political observers in Virginia and around the country", "say",
           "Scott deserves the seat")]),
        ("Even China, Pyongyang's only ally and its lifeline, said it was opposed to the test.",
         [("China", "say", "it was opposed to the test")]),
        # an aside in double hyphens before the verb is no part of the subject (PolNeAR dev)
        ("Kall -- co-editor of a book on the debates -- said the candidate made announcements.",
         [("Kall", "say", "the candidate made announcements")]),
        # a second main clause after a comma and "and", with a report of its own: its subject
        # speaks, and the first report ends before it (PolNeAR dev, set 31)
        ("Obama emphasized that the reforms were not complete, and human rights groups warned "
         "that the administration was giving up its leverage.",
         [("Obama", "emphasize", "the reforms were not complete"),
          ("human rights groups", "warn", "the administration was giving up its leverage")]),
        ("Lavrov said that the talks were useful, and that they would go on.",
         [("Lavrov", "say", "the talks were useful, and that they would go on")]),
        # ... and a main clause joined after a frame that follows its clause: the clause before
        # is the report, not the one after "and" (PolNeAR train)
        ("Facebook created the tool to help in times of crisis, a spokeswoman said on Saturday, "
         "and it has activated it five times in the past year.",
         [("a spokeswoman", "say", "Facebook created the tool to help in times of crisis")]),
        # where it was said, then a clause without "that" (PolNeAR train); not a relative
        # clause on where it was said
        ("Pence said in a statement the AP report merits the appointment of a special "
         "prosecutor.",
         [("Pence", "say", "the AP report merits the appointment of a special prosecutor")]),
        ("Pence said in a statement the ministry released.", []),
        # whom one promised or assured, named in commas before "that" (chinadaily-nyt)
        ("Mr. Kerry assured the country’s foreign secretary, Albert del Rosario, that he was "
         "committed to returning.", [("Mr. Kerry", "assure", "he was committed to returning")]),
        # (a subordinate clause alone before a verb is no report of it, chinadaily-nyt-2013-15)
        ("After Mr. Cameron met with the Dalai Lama in 2012, China responded with a deep freeze "
         "in relations.", []),
        ("As he walked onto the veranda, he saw a woman standing there and exclaimed with delight.",
         []),
        ("As many as 20 people were rounded up after they gathered in a park, the group said.",
         [("the group", "say", "As many as 20 people were rounded up after they gathered in a "
           "park")]),
        # ... and a second report of the same speaker, a verb in the past after "and" or
        # "but": each verb's row its own clause (chinadaily-nyt); not a passive's participle
        ("Lavrov said he was tired and added that the talks would go on.",
         [("Lavrov", "say", "he was tired"), ("Lavrov", "add", "the talks would go on")]),
        ("Taj Meadows said he could not provide specifics, but said that Google had begun the "
         "policy in June.",
         [("Taj Meadows", "say", "he could not provide specifics"),
          ("Taj Meadows", "say", "Google had begun the policy in June")]),
        ("Lavrov said the plan was approved and welcomed by the cabinet.",
         [("Lavrov", "say", "the plan was approved and welcomed by the cabinet")]),
        ("Many studies, according to Lupia, reveal that deliberation misleads voters.",
         [("Lupia", "according to",
           "Many studies, according to Lupia, reveal that deliberation misleads voters.")]),
        # a demand or a commitment: reported by its clause after the verb only (PolNeAR dev,
        # set 35), never as the frame of its sentence or with "to"
        ("The protesters have demanded that the city's leader be chosen by a free vote.",
         [("The protesters", "demand", "the city's leader be chosen by a free vote")]),
        ("Lavrov vowed that Russia would respond.", [("Lavrov", "vow", "Russia would respond")]),
        ("Putin promised he would visit Minsk next year.",
         [("Putin", "promise", "he would visit Minsk next year")]),
        ("Lavrov vowed to respond.", []),
        # a pair whose second a speaker phrase names: its clause read as a named speaker's, a
        # long subject before its verb (PolNeAR train); an object is no clause
        ("Current and former officials said the conviction of retired four-star general and CIA "
         "director David H. Petraeus for mishandling classified information is casting a shadow.",
         [("Current and former officials", "say", "the conviction of retired four-star general "
           "and CIA director David H. Petraeus for mishandling classified information is casting "
           "a shadow")]),
        ("Neither side will say anything official about the proposed accord.", []),
        # more verbs that take a clause without "that" (PolNeAR train); the writer's wish is
        # no one's report
        ("American officials hope the technology developed in Israel can aid efforts on the "
         "border.",
         [("American officials", "hope", "the technology developed in Israel can aid efforts on "
           "the border")]),
        ("The general testified the order had never reached his office.",
         [("The general", "testify", "the order had never reached his office")]),
        ("Let's hope they learn a lesson from the mess they have created.", []),
        # an indirect question after "asked" and whom it asked (PolNeAR train, set 5); not a
        # request ("asked ... to"), a question with no verb of its own, nor one put to the subject
        ("Hannity asked Trump how high the wall would be.",
         [("Hannity", "ask", "how high the wall would be")]),
        ("Todd asked Pence whether that would take place before the election.",
         [("Todd", "ask", "whether that would take place before the election")]),
        ("Trump asked the network to donate the profits to veterans groups.", []),
        ("She asked what to do next.", []),
        ("I'm often asked why I left a secure position there a year ago.", []),
        # a noun phrase and a past that no participle shares after "reported", "admitted"
        # (PolNeAR train, chinadaily-nyt); not a reduced relative, nor past "and"
        ("The New York Times reported the email came hours after the proposal.",
         [("The New York Times", "report", "the email came hours after the proposal")]),
        ("The ministry noted the progress made in the talks.", []),
        ("She praised the general who declared a coup and went to war.", []),
        # one list of irregular pasts (quote_subjects): "it" and one after a named subject
        ("Khaled el-Balshy, a journalist, said it grew out of an informal meeting.",
         [("Khaled el-Balshy", "say", "it grew out of an informal meeting")]),
        # a participle on the first clause's subject: after an irregular past, and past the
        # object of a preposition before its comma (PolNeAR train)
        ("Carly Fiorina threw her support behind Ted Cruz on Wednesday, saying it is time to "
         "have a real conservative.",
         [("Carly Fiorina", "say", "it is time to have a real conservative")]),
        ("In May, a U.S. District Court judge sided with the Democrats, saying the law violated "
         "the Constitution.",
         [("a U.S. District Court judge", "say", "the law violated the Constitution")]),
        ("Lukashenko pledged support for the treaty.", []),
        ("When King Mohammed VI succeeded his father in 1999, he promised to end the abuses.", []),
        ("The demands that the protesters made were rejected.", []),
        # a document's release between its head and the verb (PolNeAR dev)
        ("A Government Accountability Office report released last year found that the agency "
         "could not be sure of the money.",
         [("A Government Accountability Office report", "find",
           "the agency could not be sure of the money")]),
        ("But a 46-page analysis released by the Department of Veterans Affairs last month "
         "reveals that suicides among veterans rose.",
         [("a 46-page analysis", "reveal", "suicides among veterans rose")]),
        ("A Quinnipiac University poll released in late August found that 74 percent of likely "
         "voters said Mr. Trump should release his tax returns.",
         [("A Quinnipiac University poll", "find", "74 percent of likely voters said Mr. Trump "
           "should release his tax returns"),
          ("voters", "say", "Mr. Trump should release his tax returns")]),
        # a relative clause on the clause's subject, past it to the clause's verb; a plural
        # after a preposition's noun is no verb (PolNeAR train, set 36)
        ("A source familiar with the inquiry said the areas that were hacked suggested the "
         "intruders were seeking data.",
         [("A source familiar with the inquiry", "say", "the areas that were hacked suggested "
           "the intruders were seeking data")]),
        ("The company reported the incident that was captured on camera.", []),
        ("Mr. Kerry said during a visit to Pakistan, a country that has seen four military "
         "coups.", []),
        ("Among other things, the new laws added a tax hike on high earners for three years, "
         "imposed heavy fines and banned protests.", []),
        ("Several supporters of reform said it’s more realistic to wait.",
         [("Several supporters of reform", "say", "it’s more realistic to wait")]),
        # a share of those polled after an opening phrase and its aside, and of a group named
        # after "one in four" (PolNeAR train)
        ("Among Kasich supporters, however, 61 percent said they have their minds made up.",
         [("61 percent", "say", "they have their minds made up")]),
        ("One in four voters said illegal immigrants should be required to leave.",
         [("One in four voters", "say", "illegal immigrants should be required to leave")]),
        # an unnamed source and what it knows, after the clause it frames (PolNeAR train)
        ("Still, Cruz will be re-evaluating his approach, a source close to him said.",
         [("a source close to him", "say", "Still, Cruz will be re-evaluating his approach")]),
        ("The plan is bad, people familiar with the talks said.",
         [("people familiar with the talks", "say", "The plan is bad")]),
        ("The plan is bad, a road close to the river said.", []),
        # a short quoted phrase inside the clause before the frame (PolNeAR train)
        ("Clark’s comments further “the anti-Muslim mob mentality” fostered by Trump, the "
         "groups say.",
         [("the groups", "say", "Clark’s comments further “the anti-Muslim mob mentality” "
           "fostered by Trump")]),
        # a short clause that opens with a pronoun and its verb (PolNeAR train: "Labor
        # Department officials said it would not.", "Trump later said he was joking.")
        ("Labor Department officials said it would not.",
         [("Labor Department officials", "say", "it would not")]),
        ("Lavrov said he was joking.", [("Lavrov", "say", "he was joking")]),
        ("Lavrov said nothing.", []),
        ("Lavrov said little about the plan.", []),
        ("Lavrov said little had changed.", [("Lavrov", "say", "little had changed")]),
        # a number and a capitalised word open a clause; ", then said" shares the first
        # clause's subject (PolNeAR train)
        ("The party says 34,570 U.S. citizens cast votes by Internet.",
         [("The party", "say", "34,570 U.S. citizens cast votes by Internet")]),
        ("Kasich offered the man a job, then said he would welcome advice.",
         [("Kasich", "say", "he would welcome advice")]),
        # a question that ends with a quoted phrase; a first verb in the past that no
        # participle shares ("shook") before the joined one (PolNeAR train)
        ("Hannity asked Trump if he would deport just “the bad ones.”",
         [("Hannity", "ask", "if he would deport just “the bad ones.”")]),
        ("Lavrov shook hands and asked workers if they planned to attend.",
         [("Lavrov", "ask", "if they planned to attend")]),
        # "another" alone speaks, as "several" does; a place's comma between whom one told and
        # "that" (PolNeAR train)
        ("Yet another said the plan was bad.", [("another", "say", "the plan was bad")]),
        # a subject with a relative clause on "those": the whole, not the clause's object; an
        # object's relative clause keeps its own subject (PolNeAR train, chinadaily-nyt)
        ("But those who back her opponents say the attention damaged the brand.",
         [("those who back her opponents", "say", "the attention damaged the brand")]),
        ("Those who voted Yes will insist that an opportunity was wasted.",
         [("Those who voted Yes", "insist", "an opportunity was wasted")]),
        ("The challenge is that the government has promised that taxes would fall.",
         [("the government", "promise", "taxes would fall")]),
        # more opening phrases before a share polled, and a hedge in three words (PolNeAR train)
        ("Around that time, 47 percent said they would vote for Clinton.",
         [("47 percent", "say", "they would vote for Clinton")]),
        ("As many as 40 percent of Clinton voters said they could not support Obama.",
         [("As many as 40 percent of Clinton voters", "say", "they could not support Obama")]),
        ("Trump told a town hall in Salem, New Hampshire on Monday that waterboarding is "
         "peanuts.", [("Trump", "tell", "waterboarding is peanuts")]),
        ("Lavrov said so.", []),
        # a report, a study or a poll takes a clause in a regular past without "that" (set 26);
        # an object is still no clause
        ("Early reports suggested police and people used simple tools to rescue people.",
         [("Early reports", "suggest", "police and people used simple tools to rescue people")]),
        ("The study found people who exercised lived longer.",
         [("The study", "find", "people who exercised lived longer")]),
        ("The report suggested changes to the law.", []),
        # (a report with no word before it is a headline's noun: "found" is its participle)
        ("Report of 2nd black man found hanging from tree raises suspicions of foul play", []),
        # an aside in commas between whom one told and "that" (chinadaily-nyt-2013-15)
        ("A Cablevision spokesman told me, without being specific, that Mr. Liu’s letter was "
         "misinformed.", [("A Cablevision spokesman", "tell", "Mr. Liu’s letter was misinformed")]),
        ("One official said, speaking on condition of anonymity, that the talks had failed.",
         [("One official", "say", "the talks had failed")]),
        # a relative clause whose verb reports nothing without "that" or a quotation
        ("The groups that called for the strike insist that wages must rise.",
         [("The groups that called for the strike", "insist", "wages must rise")]),
        ("The groups that said the strike would fail insist that wages must rise.", []),
        # "states" after "of" and a word with no determiner is the noun (kremlin-2021-22)
        ("A union of responsible states that have the strength to stop conflicts.", []),
        ("The head of the agency states that the talks failed.",
         [("The head of the agency", "state", "the talks failed")]),
        # a greeting's wish, a clause only
        ("Putin wished that the talks would succeed.", [("Putin", "wish", "the talks would succeed")]),
        ("The President wished the participants success in their work.", []),
    ],
)  # fmt: skip
def test_reported_clauses_of_people_and_documents(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" after a group quoted in the sentence before
        ("South Korean officials said they now expected the transfer in the 2020s. Until then, "
         "they said, the American military will keep its brigade in Camp Casey.",
         [("South Korean officials", "they now expected the transfer in the 2020s"),
          ("South Korean officials", "the American military will keep its brigade in Camp "
           "Casey")]),
        ("According to observers and researchers, the Western model has failed in Africa. They "
         "say the Western model has created divisions.",
         [("observers and researchers", "the Western model has failed in Africa"),
          ("observers and researchers", "the Western model has created divisions")]),
        # no group quoted just before: a report whose speaker the text does not say (null); a
        # question: none
        ("The troops left the city. They said the war was over.", [(None, "the war was over")]),
        ("Do they believe that the troops will be sent somewhere?", []),
        ("South Korean officials said the talks went well. The weather was fine in Seoul that "
         "week, and the markets rose and fell with the news from the North all through the long "
         "autumn of talks, trade and missiles, while the negotiators met in hotels across the "
         "region from Tokyo to Singapore and back again to Seoul and to Washington, where the "
         "rest of the plans were drawn up. They said the war was over.",
         [("South Korean officials", "the talks went well"), (None, "the war was over")]),
    ],
)  # fmt: skip
def test_they_is_the_group_quoted_just_before(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


def test_doubled_apostrophes_quote_and_the_quote_keeps_them():
    # the NYT archive writes quotation marks as two apostrophes (PolNeAR dev)
    text = "''Perhaps they can help a white visitor understand the pain,'' Mr. Obama said."
    rows = found(text).select("speaker", "quote", "start", "end").rows()
    assert rows == [("Mr. Obama", "Perhaps they can help a white visitor understand the pain,",
                     2, 60)]  # fmt: skip
    assert text[2:60] == rows[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun that ends in "-ly" is a subject's head, no adverb (set 26: "Organizers of the
        # rally said"); "his family" is the family of the person "his" names
        ("Organizers of the rally said they were fighting corruption and dishonesty.",
         [("Organizers of the rally", "say")]),
        ('"He was innocent," the family said.', [("the family", "say")]),
        ("Russia's closest ally said that the sanctions were illegal.",
         [("Russia's closest ally", "say")]),
        ("Alexei Navalny died in prison. His family said that he was killed.",
         [("Alexei Navalny's family", "say")]),
        ("The minister repeatedly said that the sanctions were illegal.",
         [("The minister", "say")]),
        # a country and its allies together; a relative clause's subject is none of the
        # clause the reporting verb ends
        ("Ukraine and its allies say Russia is behind the fighting and point to evidence.",
         [("Ukraine and its allies", "say")]),
        # up to three adjectives that open the clause before a role (PolNeAR dev)
        ("The decision is an insult to all voters, top black lawmakers said Friday.",
         [("top black lawmakers", "say")]),
        ("Still, human rights advocates say the security services take a heavy-handed approach.",
         [("human rights advocates", "say")]),
        # how the subject said it, between it and the verb (set 29); not an impersonal "it"
        ("Mr. Rubio on Wednesday was careful to say that he, too, supported the release.",
         [("Mr. Rubio", "say")]),
        ("That is why Professor Tai is wrong to say that democracy comes first.",
         [("Professor Tai", "say")]),
        ("While the projects are welcome, it is wrong to say the plan is forward-looking.", []),
        # a broadcaster named by its number (set 26)
        ("Indeed, News 12 reported, only buildings next to the break were without water.",
         [("News 12", "report")]),
        ("Channel 4 said that the minister had resigned on Monday evening.",
         [("Channel 4", "say")]),
        ("Frank Wu bought his flat as an investment. He already has a tenant, a woman whose "
         "family lives nearby, and said he planned to charge a high rent.",
         [("Frank Wu", "say")]),
        # the subject of a clause "that" opens is not the second verb's ("..., and said"); one
        # after "in which" is
        ("Hillary Clinton testified. Mrs. Clinton responded that Congress had delayed aid to "
         "Libya and said she would provide a list of steps.",
         [("Hillary Clinton", "respond"), ("Hillary Clinton", "say")]),
        ("He gave interviews in which Mr. Yanukovych declared himself the leader and said that "
         "the regions would not accept the anarchy.",
         [("Mr. Yanukovych", "say")]),
    ],
)  # fmt: skip
def test_nouns_in_ly_and_groups_of_a_person(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected
