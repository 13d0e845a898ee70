"""Press-release and bulletin style, written for these tests (never copied from an
evaluation set): datelines, bulletin headers, U+2028 line breaks, detentions, forces
against insurgents, events whose sentence names no place."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract.incidents import extract_text

PUB = date(2012, 3, 15)  # a Thursday

RELEASE = ("2012-03-S-021\u2028For Immediate Release\u2028\u2028KABUL, Afghanistan "
           "(March 15, 2012)\u2028An Afghan and coalition security force detained two "
           "suspected insurgents in Arghandab district, Kandahar province, yesterday. The "
           "force also detained a Taliban weapons facilitator.")


def _one(text: str, published: date = PUB):
    found = [i for i in extract_text(text, published=published) if i.mapped]
    assert len(found) == 1, [(i.location, i.sub_event_type) for i in found]
    return found[0]


def test_detention_release_is_one_arrest_with_everyone_held():
    inc = _one(RELEASE)
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Arrests")
    assert inc.place.admin2 == "Arghandab" and inc.place.admin1 == "Kandahar"
    assert inc.detained == 3 and not inc.fatalities
    assert inc.event_date == date(2012, 3, 14)


def test_the_kabul_dateline_is_not_the_event_place():
    codes = {i.place.admin1_code for i in extract_text(RELEASE, published=PUB) if i.mapped}
    assert codes == {"AF-KAN"}


@pytest.mark.parametrize("dateline", [
    "ZABUL PROVINCE, Afghanistan – ",
    "ZABUL, Afghanistan (March 15, 2012) – ",
])
def test_a_province_dateline_places_an_event_no_sentence_places(dateline):
    inc = _one(dateline + "Afghan forces engaged a group of insurgents with a precision "
               "strike today, killing four of them.")
    assert inc.place.admin1 == "Zabul" and inc.fatalities == 4
    assert inc.sub_event_type == "Air/drone strike"


def test_the_lead_sentence_places_a_later_event():
    inc = _one("Afghan and coalition forces conducted an operation in Nawa district, "
               "Helmand province, on Tuesday. During the operation the force came under "
               "fire and returned fire, killing three insurgents.")
    assert inc.place.admin1 == "Helmand" and inc.fatalities == 3
    assert inc.event_date == date(2012, 3, 13)


# -- background clauses: what a text says about a person or weapons is not an event -----

@pytest.mark.parametrize("text,sub_event_type,detained", [
    ("Police in Ghazni province detained a bomb maker responsible for roadside bomb "
     "attacks on the highway.", "Arrests", 1),
    ("Commandos arrested an IED cell leader and two associates in Paktia province today.",
     "Arrests", 3),
    ("Soldiers detained three suspects in Logar province and seized two IEDs and a "
     "rocket launcher.", "Arrests", 3),
    ("Troops captured a Taliban commander in Wardak province on Monday. The commander "
     "coordinated suicide attacks against the highway police.", "Arrests", 1),
])
def test_type_comes_from_the_event_not_the_background(text, sub_event_type, detained):
    inc = _one(text)
    assert (inc.sub_event_type, inc.detained, inc.fatalities) == (sub_event_type, detained,
                                                                 None)


def test_a_background_attack_is_no_extra_incident_nor_count():
    found = [i for i in extract_text(
        "Security forces detained a militant in Kunar province on Tuesday. The militant, who "
        "directed an ambush that killed four soldiers in Nuristan, was taken to Asadabad.",
        published=PUB) if i.mapped]
    assert [(i.place.admin1, i.sub_event_type, i.fatalities, i.detained) for i in found] \
        == [("Kunar", "Arrests", None, 1)]


def test_weapons_found_are_not_an_explosion():
    assert not [i for i in extract_text(
        "Afghan forces discovered and destroyed 30 mines and two IEDs in Kandahar province "
        "on Sunday.", published=PUB) if i.event_type == "Explosions/Remote violence"]


# -- who fought whom: ACLED types and actor1/actor2 -------------------------------------

def test_forces_killing_insurgents_is_an_armed_clash_with_both_actors():
    inc = _one("Afghan National Security Forces killed five Taliban fighters in Shindand "
               "district of Herat province on Tuesday.")
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")
    assert (inc.actor1, inc.actor2) == ("Military Forces of Afghanistan", "Taliban")


def test_insurgents_killed_by_coalition_forces_names_the_agent_first():
    inc = _one("Two insurgents were killed by coalition forces in Helmand province today.")
    assert inc.sub_event_type == "Armed clash" and inc.actor1 == "NATO"


def test_gunmen_killing_civilians_stays_violence_against_civilians():
    inc = _one("Taliban gunmen shot dead three civilians in Kunduz province on Monday.")
    assert (inc.event_type, inc.actor1, inc.actor2) == (
        "Violence against civilians", "Taliban", "Civilians (Afghanistan)")


def test_arrest_actors():
    inc = _one("The National Directorate of Security arrested two Daesh members in Kabul "
               "province on Sunday.")
    assert (inc.sub_event_type, inc.detained) == ("Arrests", 2)
    assert (inc.actor1, inc.actor2) == ("Military Forces of Afghanistan",
                                        "Islamic State Khorasan Province (ISKP)")


# -- districts spelt differently, matched within the province the text names --------------

@pytest.mark.parametrize("text,district,province", [
    ("Two soldiers were killed in the Jawnd district of Badghis on Monday.", "Jawand", "Badghis"),
    ("A Taliban attack on Farah’s Parchman district killed four policemen.", "Pur Chaman",
     "Farah"),
    ("Police detained two men in Tsamkani district, Paktiya province, today.", "Chamkani",
     "Paktia"),
    ("Sangin/Helmand – Coalition forces killed two insurgents yesterday.", "Sangin", "Helmand"),
])
def test_district_variant_beside_its_province(text, district, province):
    inc = _one(text)
    assert (inc.place.name, inc.place.kind, inc.place.admin1) == (district, "district", province)


def test_a_district_named_with_its_province_never_resolves_elsewhere():
    # Dawlatabad is a district of Balkh and of Faryab
    for province in ("Balkh", "Faryab"):
        inc = _one(f"A bomb killed two men in Dawlatabad district of {province} on Monday.")
        assert (inc.place.name, inc.place.admin1) == ("Dawlatabad", province)


def test_a_city_named_like_its_province_gives_way_to_a_district_named_next():
    inc = _one("Five Taliban fighters were killed by security forces in Kunduz. The fighters, "
               "among them a commander of Kunduz, were targeted last night in Imam Sahib "
               "district.")
    assert (inc.place.name, inc.place.kind) == ("Imam Sahib", "district")


# -- dates: the dateline dates the release, relative phrases resolve against it ----------

def test_relative_dates_resolve_against_the_dateline_not_the_given_date():
    # the caller's date is a day off; the release's own dateline says March 16
    text = ("KABUL, Afghanistan (March 16) – Coalition forces detained two suspected "
            "insurgents in Nawa district, Helmand province, yesterday.")
    assert _one(text, published=date(2012, 3, 15)).event_date == date(2012, 3, 15)


def test_the_dateline_date_is_never_the_event_date():
    text = ("KABUL, Afghanistan (Oct. 6) - Coalition forces conducted a precision air strike "
            "in Faryab province Tuesday, killing a Taliban shadow governor.")
    inc = _one(text, published=date(2010, 10, 6))         # a Wednesday
    assert inc.event_date == date(2010, 10, 5)


@pytest.mark.parametrize("text,expected", [
    ("Police detained a man in Kunar province Monday.", date(2012, 3, 12)),
    ("Police detained a man in Kunar province, Saturday.", date(2012, 3, 10)),
    ("Police detained a man in Kunar province Sunday night.", date(2012, 3, 11)),
])
def test_a_bare_weekday_closing_the_clause_is_a_date(text, expected):
    assert _one(text).event_date == expected


def test_an_explicit_date_beside_a_weekday_wins():
    inc = _one("Gunmen shot dead a teacher in Ghazni province on Friday (March 2).")
    assert inc.event_date == date(2012, 3, 2)


def test_the_day_of_a_statement_is_not_a_bare_weekday_date():
    inc = _one("Police detained a man in Kunar province, the governor said Wednesday.")
    assert inc.event_date != date(2012, 3, 14) or inc.date_precision != "day"


def test_a_statement_day_is_not_the_event_day_and_a_later_sentence_dates_it():
    inc = _one("At least six insurgents were killed in Kandahar province, the ministry "
               "confirmed on Wednesday. Troops had pounded their positions late on Monday.")
    assert inc.event_date == date(2012, 3, 12)


def test_sources_on_a_day_reported_is_a_statement():
    inc = _one("Police sources on Wednesday reported the arrest of a bomb maker in Kunduz "
               "province. The raid took place in Imam Sahib district on Tuesday night.")
    assert inc.event_date == date(2012, 3, 13)


def test_also_restating_part_of_a_figure_adds_no_one():
    inc = _one("Three militants and two militiamen were killed in a clash in Khanabad "
               "district of Kunduz province on Monday. Two militiamen were also killed, "
               "the district chief said.")
    assert inc.fatalities == 5


def test_also_detained_after_an_arrest_adds_the_others():
    inc = _one("Police arrested a Taliban leader in Nangarhar province on Monday. The police "
               "also detained two suspected insurgents.")
    assert inc.detained == 3


@pytest.mark.parametrize("later", [
    "During the raid, the force also detained one suspected insurgent.",
    "One other man was taken into custody at the roadside.",
    "Soldiers detained one additional gunman near the house.",
])
def test_one_more_person_held_after_a_description_of_the_first(later):
    # the figure that says "also" / "other" / "additional" comes two or three sentences
    # after the arrest, past what the arrested man is accused of; one leader and one
    # other person are two people even though both figures read "one"
    inc = _one("A combined force arrested a Haqqani commander in Sabari district, Khost "
               "province, today. The commander is believed to have moved rockets into the "
               "district. He is also suspected of sheltering foreign fighters. " + later)
    assert inc.detained == 2


def test_an_additive_figure_does_not_reach_back_past_a_new_place():
    found = [i for i in extract_text(
        "Police arrested a Taliban commander in Kunduz province on Monday. In Baghlan "
        "province, a bomb killed two soldiers. Police also detained one suspect.",
        published=PUB) if i.mapped]
    kunduz = [i for i in found if i.place.admin1 == "Kunduz"]
    assert [i.detained for i in kunduz] == [1]


def test_a_cache_and_what_it_held_is_not_the_event():
    # the weapons a patrol finds are listed past their commas; the event is the arrest
    inc = _one("In Sabari district, Khost province, a coalition patrol discovered a weapons "
               "cache yesterday consisting of three 82 mm mortar rounds, one anti-tank mine, "
               "and several rocket-propelled grenades. The patrol detained a man associated "
               "with the cache.")
    assert inc.sub_event_type == "Arrests" and inc.detained == 1


def test_took_into_custody_counts_the_people_between():
    inc = _one("Police stopped a truck in Spin Boldak district, Kandahar province, on "
               "Tuesday and took the three occupants of the truck into custody.")
    assert inc.detained == 3 and inc.sub_event_type == "Arrests"


def test_suspected_in_a_city_is_not_where_the_arrest_was():
    inc = _one("Commandos raided a house to seize a Taliban bomb maker in Pul-e Khumri "
               "district, Baghlan province, Wednesday. He is also suspected in a string of "
               "bombings in Kabul. The commandos arrested one gunman at the house.")
    assert inc.place.admin1 == "Baghlan" and inc.detained == 1


def test_a_one_word_name_and_his_associate_are_two_killed():
    inc = _one("Troops hunted a Taliban commander in Nurgal district, Kunar province, on "
               "Thursday. The commander, Sherzai, ran a cell of bombers. A drone strike then "
               "killed Sherzai and his bodyguard.")
    assert inc.fatalities == 2 and inc.sub_event_type == "Air/drone strike"


def test_forces_killing_a_named_taliban_leader_is_a_battle():
    inc = _one("Afghan forces killed Taliban commander Qari Zaman during an operation in "
               "Andar district, Ghazni province, on Tuesday.")
    assert (inc.event_type, inc.fatalities) == ("Battles", 1)


def test_gunmen_killing_a_named_elder_is_violence_against_civilians():
    inc = _one("Gunmen killed tribal elder Haji Gul in Khost city on Tuesday.")
    assert inc.event_type == "Violence against civilians"


def test_a_date_in_a_background_clause_dates_nothing_after_it():
    inc = _one("Troops hunted a Taliban commander in Nurgal district, Kunar province, on "
               "Tuesday. Sherzai was responsible for a raid on a clinic in March 2011. A drone "
               "strike then killed Sherzai and his bodyguard.")
    assert inc.event_date == date(2012, 3, 13) and inc.fatalities == 2


def test_yesterday_at_the_end_of_a_background_clause_is_the_event_date():
    inc = _one("Forces detained a Taliban facilitator linked to the killing of a teacher in "
               "May in Zabul province yesterday.")
    assert inc.event_date == date(2012, 3, 14) and inc.detained == 1


def test_a_list_of_found_weapons_ends_where_a_clause_begins():
    inc = _one("The patrol found weapons, and later killed two insurgents firing rockets in "
               "Sangin district, Helmand province, on Monday.")
    assert inc.fatalities == 2 and inc.place.admin2 == "Sangin"


def test_a_list_of_weapons_carried_ends_at_the_attack():
    inc = _one("Fighters armed with automatic rifles, a heavy machine gun, rocket launchers and "
               "grenades attacked a police post in Kunar province on Monday, killing two "
               "policemen.")
    assert (inc.event_type, inc.fatalities) == ("Battles", 2)


def test_a_background_list_of_provinces_is_background_to_its_end():
    inc = _one("In Qalat district, Zabul province, a combined force detained a Taliban leader "
               "today. The leader planned ambushes on police in Kabul, Kandahar and Herat "
               "provinces. Soldiers detained one additional gunman.")
    assert inc.place.admin1 == "Zabul" and inc.detained == 2


@pytest.mark.parametrize("later", [
    "In a separate operation, the force also detained one suspected insurgent.",
    "In Kandahar province, the force also detained one suspected insurgent.",
])
def test_an_additive_figure_reaches_far_back_only_within_the_same_operation(later):
    found = [i for i in extract_text(
        "A combined force arrested a Taliban commander in Sabari district, Khost province, "
        "today. The commander is believed to have moved rockets into the district. He is "
        "also suspected of sheltering foreign fighters. " + later, published=PUB) if i.mapped]
    khost = [i for i in found if i.place.admin1 == "Khost"]
    assert [i.detained for i in khost] == [1]


def test_a_background_date_does_not_split_or_redate_an_incident():
    inc = _one("Police arrested a Taliban district chief in Nad Ali district, Helmand province, "
               "yesterday. Officers also detained two other men linked to a bombing in March.")
    assert (inc.detained, inc.event_date) == (3, date(2012, 3, 14))


def test_the_man_named_again_far_down_is_the_same_arrest():
    # "the senior leader" five sentences on, after the text has moved to the city, is the
    # man of the first sentence: one arrest, where the first sentence put it
    found = [i for i in extract_text(
        "A joint patrol arrested a Taliban shadow commander who lived in Panjwai district of "
        "Kandahar province on Thursday. The commander ran a bomb workshop. Traders in the city "
        "of Kandahar had paid his men for years. Soldiers stopped his motorbike on a road east "
        "of the city of Kandahar. At the roadblock, the patrol detained the commander.",
        published=PUB) if i.mapped]
    assert [(i.place.admin2, i.detained) for i in found] == [("Panjwayi", 1)]


def test_he_and_the_others_held_with_him():
    inc = _one("A combined force arrested a Taliban facilitator in Kandahar city today. He "
               "was detained along with two other suspects.")
    assert inc.detained == 3


def test_custody_is_a_detention():
    inc = _one("Two men were taken into custody in Jalalabad city, Nangarhar province, on "
               "Tuesday after police found explosives in their car.")
    assert inc.detained == 2
    assert inc.sub_event_type == "Arrests"


def test_a_bare_weekday_before_a_clause_is_a_date():
    inc = _one("Forces detained ten suspects in Helmand province Monday while in pursuit "
               "of a Taliban commander.")
    assert inc.event_date == date(2012, 3, 12)


def test_a_background_place_does_not_capture_the_next_count():
    inc = _one("Forces captured a Taliban facilitator in Balkh district, Balkh province, "
               "yesterday. The facilitator supplied weapons to fighters in Samangan province. "
               "The force detained one additional suspected insurgent.")
    assert (inc.place.name, inc.detained) == ("Balkh", 2)


def test_several_of_his_associates():
    assert _one("Commandos captured a Taliban leader and several of his associates in "
                "Logar province today.").detained == 4


def test_bulletin_header_regional_command_and_release_number_are_not_places_or_dates():
    text = ("Regional Command – East\n2012-03-S-044\nISAF Joint Command Morning Operational "
            "Update, March 15, 2012\nKABUL, Afghanistan (March 15, 2012) – Coalition forces "
            "killed two insurgents in Khost province yesterday.")
    inc = _one(text)
    assert (inc.place.admin1, inc.fatalities, inc.event_date) == ("Khost", 2, date(2012, 3, 14))


def test_a_background_event_keeps_its_own_date():
    found = [i for i in extract_text(
        "Police arrested a Taliban commander in Ghazni province on Tuesday. Two years ago, "
        "in March 2010, he ambushed a convoy in Ghazni province, killing four soldiers.",
        published=PUB) if i.mapped]
    dates = sorted((i.event_date, i.date_precision) for i in found)
    assert (date(2012, 3, 13), "day") in dates
    assert all(d != PUB for d, _ in dates)


def test_a_resident_of_a_place_is_not_an_event_there():
    found = [i for i in extract_text(
        "Gunmen shot dead a shopkeeper in Kandahar city on Monday. The victim, a resident "
        "of Sangin, had moved to the city last year.", published=PUB) if i.mapped]
    assert [(i.place.admin1, i.fatalities) for i in found] == [("Kandahar", 1)]


@pytest.mark.parametrize("text,district,province", [
    ("A bomb killed two men in Jaghatu district of Wardak on Monday.", "Jaghatu", "Wardak"),
    ("Clashes killed four fighters in Khost district, Baghlan province, on Monday.",
     "Khost Wa Firing", "Baghlan"),
])
def test_same_name_districts_follow_the_named_province(text, district, province):
    inc = _one(text)
    assert (inc.place.name, inc.place.kind, inc.place.admin1) == (district, "district", province)


# -- news-agency style, written for these tests ---------------------------------------------

def test_a_city_dateline_in_capitals_with_city_is_the_reporters_place():
    inc = _one("KUNDUZ CITY (Pajhwok): At least seven security personnel were killed and four "
               "others injured in a Taliban attack on a checkpoint in the Imam Sahib district "
               "of northern Kunduz province late on Tuesday, an official said.")
    assert (inc.place.name, inc.sub_event_type, inc.fatalities, inc.injured) == (
        "Imam Sahib", "Armed clash", 7, 4)


def test_a_foiled_plot_is_not_an_attack_but_the_arrest_is_an_event():
    inc = _one("The NDS said it had foiled a plan to attack Kabul and detained two would-be "
               "suicide bombers in the Paghman district on Monday.")
    assert (inc.place.name, inc.sub_event_type, inc.detained) == ("Paghman", "Arrests", 2)
    assert not extract_text("Security forces thwarted a suicide attack on a mosque in Kunduz "
                            "on Friday.", published=PUB)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("Eight militants were killed as the Afghan Air Force struck Taliban hideouts in Ghazni "
     "province on Wednesday.", "Military Forces of Afghanistan", "Taliban"),
    ("Taliban militants ambushed a police convoy in Alingar district of Laghman, leaving "
     "four policemen dead.", "Taliban", "Police Forces of Afghanistan"),
])
def test_who_acted_follows_who_was_hit(text, actor1, actor2):
    inc = _one(text)
    assert (inc.actor1, inc.actor2) == (actor1, actor2)


def test_deaths_on_both_sides_add_up():
    inc = _one("Five soldiers were killed in a Taliban attack on a checkpoint in Ghazni "
               "province on Monday. Twenty Taliban fighters were killed when troops returned "
               "fire.")
    assert (inc.fatalities, inc.sub_event_type) == (25, "Armed clash")


def test_a_total_including_a_named_member():
    inc = _one("At least 12 Taliban fighters including a local commander were killed in "
               "clashes in Faryab's Pashtun Kot district on Tuesday night.")
    assert (inc.place.name, inc.fatalities) == ("Pashtun Kot", 12)


# -- weapons that describe people, not what happened -----------------------------------

@pytest.mark.parametrize("text,sub_event_type", [
    # a rocket-propelled grenade is a firefight's weapon: no shelling, no grenade attack
    ("Insurgents fired rocket-propelled grenades at a patrol in Sayedabad district, "
     "Wardak province, and the patrol returned fire, killing two insurgents.", "Armed clash"),
    # what the insurgents carried is not what was used
    ("Five militants armed with pistols, grenades, rocket launchers and two machine guns "
     "were killed in Sayedabad district, Wardak province.", "Armed clash"),
    # an IED being laid did not go off: the event is what happened to those laying it
    ("A patrol killed two insurgents as they attempted to plant a roadside bomb in "
     "Sayedabad district, Wardak province.", "Armed clash"),
    # a trade named with the weapon's acronym in brackets
    ("The security force arrested an improvised explosive device (IED) facilitator in "
     "Sayedabad district, Wardak province.", "Arrests"),
    # ... while a planted bomb that went off is an explosion
    ("A bomb planted on a motorcycle exploded in Sayedabad district, Wardak province, "
     "killing two civilians.", "Remote explosive/landmine/IED"),
    ("The Taliban fired mortars at the district centre of Sayedabad, Wardak province, "
     "killing a civilian.", "Shelling/artillery/missile attack"),
    ("Two militants died while burying a mine near a road in Sayedabad district, Wardak "
     "province.", "Remote explosive/landmine/IED"),          # (the mine may have gone off)
])
def test_weapons_carried_or_laid_are_not_the_event(text, sub_event_type):
    assert _one(text).sub_event_type == sub_event_type


# -- events reported as nouns ----------------------------------------------------------

@pytest.mark.parametrize("text,sub_event_type,killed,detained", [
    ("The governor's office confirmed the capture of a Haqqani commander at his home "
     "in Sayedabad district, Wardak province, on Tuesday.", "Arrests", None, 1),
    ("Police announced the arrest of two kidnappers in Sayedabad district, Wardak province.",
     "Arrests", None, 2),                                  # (kidnappers: people, no abduction)
    ("A raid in Sayedabad district, Wardak province, resulted in the death of Mullah Karim, "
     "a local Taliban commander.", "Armed clash", 1, None),
])
def test_an_event_reported_as_a_noun(text, sub_event_type, killed, detained):
    inc = _one(text)
    assert (inc.sub_event_type, inc.fatalities, inc.detained) == (sub_event_type, killed,
                                                                   detained)


def test_the_capture_of_a_district_is_territory_and_a_denial_is_no_event():
    claimed = _one("The Taliban announced the capture of Shutul district in Panjshir "
                   "province on Monday.")
    assert claimed.sub_event_type == "Non-state actor overtakes territory"
    denied = ("A resistance spokesman denied the capture of Shutul district in Panjshir "
              "province.")
    assert not [i for i in extract_text(denied, published=PUB) if i.mapped]


def test_a_commemoration_is_not_an_event():
    text = ("Crowds in Bazarak, Panjshir province, marked the anniversary of the death of "
            "Ahmad Shah Massoud on Thursday.")
    assert not [i for i in extract_text(text, published=PUB) if i.mapped]
