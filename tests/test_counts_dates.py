"""Casualty figures and date phrases, as tables of (text, expected)."""

from datetime import date

import pytest

from geomap.rules.counts import find_counts, parse_number
from geomap.rules.dates import find_dates

PUB = date(2021, 11, 4)  # a Thursday


def test_two_dozen_people_detained_are_twenty_four():
    (count,) = find_counts("Police arrested two dozen suspects after the attack.")
    assert (count.kind, count.value) == ("detained", 24)


@pytest.mark.parametrize("text,killed,wounded", [
    ("At least 25 people were killed and over 50 people were wounded", 25, 50),
    ("an explosion killed 12 people, and another 32 were injured", 12, 32),
    ("more than 100 people died", 100, None),
    ("killing more than 100 people", 100, None),
    ("over 50 were killed", 50, None),
    ("dozens of people were killed", 12, None),
    ("Two dozen people were killed and half a dozen wounded", 24, 6),
    ("the blast killed nearly two dozen worshippers", 24, None),
    ("three dozen were killed", 36, None),
    ("five members of the same family were killed", 5, None),
    ("Fighters attacked a checkpoint and two soldiers were killed", 2, None),
    ("Militants stormed a village, and six of them were killed", 6, None),
    ("A firefight ensued and the gunman was killed", 1, None),
    ("a police officer was killed in the blast", 1, None),
    ("There were no casualties.", 0, 0),
    ("no one was hurt in the explosion", None, 0),
    ("Twenty-five civilians were killed and three wounded", 25, 3),
    ("the attack left 5 people dead and 12 injured", 5, 12),
    ("killing two and wounding seven", 2, 7),
    ("The death toll has risen to 30.", 30, None),
    ("25 to 30 people were killed", 25, None),
    ("1,200 people were killed", 1200, None),
    ("all gunmen were killed within 15 minutes", None, None),
    ("two explosions were heard 10 minutes later", None, None),
    ("no one has claimed responsibility", None, None),
    ("an attack in 2017 killed 30 people", 30, None),
    ("Gunmen shot dead a journalist", 1, None),
    ("Gunmen shot dead three female media workers", 3, None),
    ("killed a policeman and wounded two civilians", 1, 2),
    ("a blast killed a number of people", 3, None),          # codebook: "a number of" = 3
    ("Three militants and two militiamen were killed", 5, None),
    ("A female suicide bomber and her two companions were killed", 3, None),
    ("At least 9 people were killed and 20 were wounded", 9, 20),
    ("Taliban shot and martyred a police officer", 1, None),
    ("the policeman was shot dead by the Taliban", 1, None),
])
def test_counts(text, killed, wounded):
    counts = find_counts(text)
    got_killed = max((c.value for c in counts if c.kind == "killed"), default=None)
    got_wounded = max((c.value for c in counts if c.kind == "wounded"), default=None)
    assert (got_killed, got_wounded) == (killed, wounded)


@pytest.mark.parametrize("text,value", [("twenty-five", 25), ("one hundred and twenty", 120),
                                        ("dozens", 12), ("hundreds", 100), ("7", 7)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,iso,precision", [
    ("On November 2nd, blasts", "2021-11-02", "day"),
    ("took place on Tuesday at", "2021-11-02", "day"),
    ("on Thursday", "2021-11-04", "day"),
    ("in early October, an explosion", "2021-10-01", "month"),
    ("in late October", "2021-10-21", "month"),
    ("In August this year", "2021-08-01", "month"),
    ("on 26 August, where", "2021-08-26", "day"),
    ("in 2017, where", "2017-01-01", "year"),
    ("last night", "2021-11-03", "day"),
    ("yesterday", "2021-11-03", "day"),
    ("two days ago", "2021-11-02", "day"),
    ("on December 28", "2020-12-28", "day"),      # a future day means last year
    ("on 2 November 2020", "2020-11-02", "day"),
    ("2021-10-08", "2021-10-08", "day"),
    ("last week", "2021-10-28", "week"),
    ("in the early hours of Tuesday", "2021-11-02", "day"),
    ("on the night of 12 October", "2021-10-12", "day"),
])
def test_dates_resolve_against_publication(text, iso, precision):
    refs = find_dates(text, PUB)
    assert refs, text
    assert (refs[0].value.isoformat(), refs[0].precision) == (iso, precision)


def test_same_month_follows_previous_date():
    previous = find_dates("in early October", PUB)[0]
    (ref,) = find_dates("In the same month, two more explosions", PUB, previous=previous)
    assert (ref.value.month, ref.precision) == (10, "month")


def test_no_publication_date_leaves_relative_dates_unresolved():
    assert find_dates("on Tuesday, in early October", None) == []
    assert find_dates("in 2017", None)[0].value == date(2017, 1, 1)


@pytest.mark.parametrize("text", ["may be", "the mosque may have", "March of", "a Monday and"])
def test_non_dates(text):
    assert find_dates(text, PUB) == []


def test_night_before_last():
    (ref,) = find_dates("killed the night before last", PUB)
    assert ref.value == date(2021, 11, 2)


@pytest.mark.parametrize("text,killed", [
    ("Twenty-one insurgents, including 13 members of al-Qaeda, were killed", 21),
    ("Seven insurgents, including their military chief, were killed", 7),
    ("A Taliban official was killed along with his seven men", 8),
    ("Taliban fighters massacred nine ethnic Hazara men", 9),
])
def test_compound_counts(text, killed):
    assert max(c.value for c in find_counts(text) if c.kind == "killed") == killed


# -- people counted through their noun phrase (codebook/people.csv, quantities.csv) -------

@pytest.mark.parametrize("text,kind,value", [
    ("Gunmen shot dead a carpet seller in the bazaar", "killed", 1),
    ("Troops killed the rebel commander, Mullah Dadullah, at dawn", "killed", 1),
    ("The teacher was killed on his way home", "killed", 1),
    ("A father and his son were shot dead near their house", "killed", 2),
    ("The commander and three of his men were killed in the raid", "killed", 4),
    ("Five Taliban and two militiamen were killed", "killed", 7),
    ("The bomb exploded, killing him together with his driver and guard", "killed", 3),
    ("Police detained three suspected kidnappers' accomplices", "detained", 3),
    ("Soldiers arrested several suspected militants", "detained", 3),
    ("The patrol captured numerous insurgents", "detained", 4),
    ("Commandos captured a Haqqani Network financier and a few associates", "detained", 4),
    ("Two suspected bomb makers were detained and questioned", "detained", 2),
    ("Guards apprehended dozens of insurgents", "detained", 12),
    ("an airstrike killed multiple militants", "killed", 3),     # codebook: read as "several"
    ("forces killed the two men", "killed", 2),
    # "N others": people beyond those just named, whatever their noun
    ("Troops killed four fighters and captured several others", "detained", 3),
    ("The raid ended with one militant dead and two others detained", "detained", 2),
    ("A mine killed a farmer and wounded three others", "wounded", 3),
    ("Police arrested a smuggler and five others at the border", "detained", 6),
    # a role and a one-word name: one person ("Taliban leader Saifullah")
    ("Commandos killed Taliban commander Rahmatullah near the border", "killed", 1),
    ("Police arrested ISIS-K recruiter Zabihullah at a checkpoint", "detained", 1),
    # the subject after the verb: "Also killed (in the strike) were ..."
    ("Also killed in the airstrike were more than a dozen fighters", "killed", 12),
    ("Killed in the ambush were two policemen and a driver", "killed", 3),
    ("Also detained was a suspected bomb maker", "detained", 1),
])
def test_people_counts(text, kind, value):
    assert max(c.value for c in find_counts(text) if c.kind == kind) == value


@pytest.mark.parametrize("text,value", [
    ("According to the governor, at least 5 police officers were killed", 5),
    ("According to police, a commander and two guards were killed", 3),
    ("The governor of Ghor said four soldiers were killed in the attack", 4),
    ("Officials in Herat told reporters three civilians were killed", 3),
])
def test_the_source_of_a_figure_is_not_counted(text, value):
    assert [c.value for c in find_counts(text) if c.kind == "killed"] == [value]


@pytest.mark.parametrize("text", [
    "Troops launched an operation to arrest a bomb maker",      # an intent, not an arrest
    "The force captured the district centre",                    # territory, not people
    "The insurgents were detained",                              # already counted people
    "The governor told a reporter, no one else",
    "He was not arrested",
    "Others were detained later",                                # no number: not a count
    "Police arrested Taliban commander Tuesday",                 # a weekday is no name
    "He said those detained were the insurgents",                # already counted people
])
def test_no_people_count(text):
    assert not [c for c in find_counts(text) if c.kind == "detained" and c.value > 0]


def test_additional_people_are_marked():
    counts = find_counts("The force also detained one additional suspect.")
    assert [(c.kind, c.value, c.additive) for c in counts] == [("detained", 1, True)]
    counts = find_counts("Another insurgent was killed later.")
    assert [(c.kind, c.value, c.additive) for c in counts] == [("killed", 1, True)]
    counts = find_counts("Also detained were two suspected insurgents.")
    assert [(c.kind, c.value, c.additive) for c in counts] == [("detained", 2, True)]
    counts = find_counts("Among those killed were three children.")   # some of them
    assert [(c.kind, c.value, c.additive) for c in counts] == [("killed", 3, False)]
    counts = find_counts("Soldiers also detained two others.")
    assert [(c.kind, c.value, c.additive) for c in counts] == [("detained", 2, True)]


def test_victim_class_from_the_codebook():
    by_text = {t: find_counts(t)[0].victims for t in (
        "killed four insurgents", "killed a Taliban commander", "killed two policemen",
        "killed three children")}
    assert list(by_text.values()) == ["combatant", "combatant", "security", "civilian"]


@pytest.mark.parametrize("text,kind,value", [
    ("Jets struck the hideout, killing several of them", "killed", 3),
    ("Officials announced the arrest of a bomb maker", "detained", 1),
    ("The raid led to the death of Mawlawi Karim, a senior Taliban judge", "killed", 1),
    ("Three relatives of the district governor were detained", "detained", 3),
    ("Soldiers killed Taliban commander Mullah Sadiq", "killed", 1),
    ("Police arrested Zahir and his two sons", "detained", 3),
    ("Two gunmen were arrested and the other was killed", "killed", 1),
    ("Gunmen killed two guards and wounded a third", "wounded", 1),
    ("A Taliban commander, Mullah Rahim, along with four of his fighters was killed",
     "killed", 5),
    ("Mullah Rahim, along with four of his fighters, was killed", "killed", 5),
    ("The bomb maker, known as Qari Jalil, was killed by a drone", "killed", 1),
    ("Two men, police said, were killed", "killed", 2),
    ("Gunmen shot and killed Nangarhar's deputy governor in Jalalabad", "killed", 1),
    ("The Taliban's red unit commander, Mullah Nasir, was killed along with 10 of his fighters",
     "killed", 11),
    ("Police arrested Zahir, an IED maker", "detained", 1),
    ("He was detained along with two other suspects", "detained", 3),
    ("Eight people, five of them civilians, were killed in Ghazni", "killed", 8),
    ("Twelve people, three of whom were children, were killed", "killed", 12),
    ("The death toll rose to a dozen", "killed", 12),
    ("NDS forces arrested a Daesh cell of five members", "detained", 5),
    ("Police broke up a kidnapping ring and detained a gang of four kidnappers", "detained", 4),
    ("Police arrested Gul Ahmad in his home", "detained", 1),
    ("Troops killed the rebel commander, Mullah Dadullah, at dawn", "killed", 1),
])
def test_nominal_named_and_partitive_counts(text, kind, value):
    assert max(c.value for c in find_counts(text) if c.kind == kind) == value


def test_the_other_is_one_person_only_without_a_noun():
    assert [(c.kind, c.value) for c in find_counts(
        "One insurgent was killed and the other was wounded.")] == [("killed", 1), ("wounded", 1)]
    assert find_counts("The other insurgents were killed.") == []   # (already counted)


@pytest.mark.parametrize("text", [
    "Police attempted to take a Taliban commander into custody, but he escaped.",
    "Police did not take the suspect into custody.",
    "The blast killed Afghans along with two foreigners.",   # (a people, not a name)
    "killed Hazaras and his",
])
def test_no_one_held_or_named_here(text):
    # (an attempt or a denial holds no one; a people is not one named person)
    assert [c.phrase for c in find_counts(text) if c.value == 1] == []


@pytest.mark.parametrize("text,value,additive", [
    ("The force also took one suspected insurgent into custody.", 1, True),
    ("Police have taken two suspects into custody in Kandahar city.", 2, False),
])
def test_took_into_custody_in_every_tense(text, value, additive):
    (count,) = find_counts(text)
    assert (count.kind, count.value, count.additive) == ("detained", value, additive)


def test_a_name_and_its_role_in_commas_are_one_person():
    counts = find_counts("Forces said that Qari Zia, a senior Taliban leader, was killed.")
    assert [c.value for c in counts if c.kind == "killed"] in ([], [1])


def test_a_fraction_is_no_person():
    assert find_counts("The shelling killed a third of the villagers.") == []


@pytest.mark.parametrize("text,side", [
    ("At least 11 members of a Taliban group were killed.", "combatant"),
    ("Six members of the Afghan National Army were killed.", "security"),
    ("Three members of a local council were killed.", "person"),
])
def test_members_of_a_body_are_of_its_side(text, side):
    (count,) = find_counts(text)
    assert count.victims == side


def test_a_possessive_is_no_count_of_a_people():
    assert find_counts("Gunmen killed Kabul's residents.") == []


def test_members_of_their_own_family_are_civilians():
    (count,) = find_counts("Eight members of their own family were killed.")
    assert (count.value, count.victims) == (8, "civilian")


def test_captured_place_is_not_a_person():
    assert not [c for c in find_counts("Taliban captured Sangin District") if c.value]


def test_several_members_of_a_group_in_a_place():
    counts = find_counts("Several members of Taliban in Nangarhar were killed in the blast")
    assert [(c.kind, c.value) for c in counts] == [("killed", 3)]


@pytest.mark.parametrize("text,value", [
    ("Security forces have killed the deputy head of the rebels' council and two other "
     "fighters in Baghlan", 3),
    ("Mullah Karim, who was wounded in an airstrike last week, died of his injuries", 1),
    ("A senior Taliban commander killed in Kandahar", 1),
    ("Three soldiers died in the blast", 3),
    ("One hundred and twenty people died", 120),
    ("Gunmen killed two in Kabul", 2),
])
def test_perfect_active_intransitive_and_headline_counts(text, value):
    assert max(c.value for c in find_counts(text) if c.kind == "killed") == value


@pytest.mark.parametrize("text", [
    "Gunmen killed 99999999999999999999 people in Kabul",
    "killed " + "9" * 400 + " people",
    "at least 250,000 people were killed",
])
def test_implausible_numbers_are_not_counts(text):
    assert not [c for c in find_counts(text) if c.kind == "killed"]


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_dates_at_the_ends_of_the_calendar(published):
    from geomap.extract.incidents import extract_text

    text = ("Gunmen killed two men in Kabul yesterday, last year, last month, on Monday "
            "and three weeks ago; tomorrow the day before yesterday.")
    for inc in extract_text(text, published=published):
        assert date.min <= inc.event_date <= date.max


@pytest.mark.parametrize("text,published", [
    ("KABUL, Afghanistan (Dec. 31) - Police detained two men in Kabul province.",
     date(9999, 12, 31)),
    ("KABUL, Afghanistan (Jan. 1) - Police detained two men in Kabul province yesterday.",
     date(1, 1, 1)),
])
def test_datelines_at_the_ends_of_the_calendar(text, published):
    from geomap.extract.incidents import extract_text

    assert extract_text(text, published=published)


@pytest.mark.parametrize("text,published,expected", [
    ("July 6: Afghan-ISAF Operations in Helmand\nTroops detained two.", date(2010, 7, 3),
     date(2010, 7, 6)),                  # a release dated a few days after its given date
    ("KABUL, Afghanistan (Dec. 31) - Troops detained two.", date(2011, 1, 2),
     date(2010, 12, 31)),
    ("KABUL, Afghanistan (May 24) - Troops detained two.", date(2012, 6, 1), date(2012, 5, 24)),
    ("KABUL, Afghanistan (Jan. 3) - Troops detained two.", date(9999, 12, 31),
     date(9999, 1, 3)),                  # (no year after 9999 to choose)
])
def test_a_dateline_without_a_year_is_the_nearest_such_day(text, published, expected):
    from geomap.rules.dates import dateline_date

    assert dateline_date(text, published)[0] == expected


@pytest.mark.parametrize("text", ["the Monday market", "a Thursday wedding", "after the Friday prayers"])
def test_a_weekday_naming_a_noun_dates_it(text):
    # (news class C28: "a bomb exploded at a Thursday wedding" happened on Thursday)
    (ref,) = find_dates(text, PUB)
    assert ref.precision == "day" and ref.value.weekday() == \
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
            ref.phrase.lower())
