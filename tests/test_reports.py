"""Short reports written for geomap's tests: spellings, several incidents per text,
relative dates, number words, distractors. Each row: text, publication date and the
expected incidents as (province, district or None, killed, wounded, event date or None).

District names are resolved through the gazetteer, so the table does not depend on one
spelling of them.
"""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract.incidents import extract_text

D = date
PUB = D(2021, 11, 4)  # a Thursday

REPORTS = [
    # 1-10: one incident, spelling variants, precision
    ("A roadside bomb killed three soldiers in Sangin district of Helmand on Monday.",
     PUB, [("Helmand", "Sangin", 3, None, "2021-11-01")]),
    ("Two civilians were killed and five wounded when a mortar hit a house in Panjsher "
     "province on Tuesday.", PUB, [("Panjshir", None, 2, 5, "2021-11-02")]),
    ("Taliban fighters attacked a checkpoint in Nad-e Ali district of Hilmand province last "
     "night, killing four policemen.", PUB, [("Helmand", "Nad Ali", 4, None, "2021-11-03")]),
    ("A magnetic bomb attached to a car exploded in Mazar-i-Sharif on Wednesday, wounding "
     "six people.", PUB, [("Balkh", None, None, 6, "2021-11-03")]),
    ("An explosion in Jalalabad city killed at least 7 people and injured 15 others "
     "yesterday.", PUB, [("Nangarhar", None, 7, 15, "2021-11-03")]),
    ("Gunmen shot dead a journalist in Lashkargah on 28 October.",
     PUB, [("Helmand", None, 1, None, "2021-10-28")]),
    ("Clashes between Taliban and resistance forces in Panjshri province left twelve "
     "fighters dead on Sunday.", PUB, [("Panjshir", None, 12, None, "2021-10-31")]),
    ("A suicide bomber blew himself up at a mosque in Kunduz on Friday, killing dozens "
     "of worshippers.", D(2021, 10, 9), [("Kunduz", None, 12, None, "2021-10-08")]),
    ("Rockets struck the Hamid Karzai International Airport on Monday morning; no "
     "casualties were reported.", D(2021, 8, 31), [("Kabul", None, 0, 0, "2021-08-30")]),
    ("A grenade attack on a market in Ghazni city wounded nine civilians on Saturday.",
     PUB, [("Ghazni", None, None, 9, "2021-10-30")]),
    # 11-20: several incidents per text
    ("Explosions near mosques in Kandahar (42 killed) and Kunduz (120 dead) shook the "
     "country in October.", PUB, [("Kandahar", None, 42, None, "2021-10-01"),
                                  ("Kunduz", None, 120, None, "2021-10-01")]),
    ("On Tuesday a bomb killed two people in Herat, while in Farah province gunmen killed "
     "a district official.", PUB, [("Herat", None, 2, None, "2021-11-02"),
                                   ("Farah", None, 1, None, "2021-11-02")]),
    ("The group claimed targeted killings in Nangarhar and Parwan provinces last month.",
     PUB, [("Nangarhar", None, None, None, "2021-10-01"),
           ("Parwan", None, None, None, "2021-10-01")]),
    ("Airstrikes killed 15 militants in Surkh Rod district of Nangarhar. Separately, a "
     "roadside mine wounded three soldiers in Khost on the same day.", D(2021, 1, 8),
     [("Nangarhar", "Surkh Rod", 15, None, None), ("Khost", None, None, 3, None)]),
    ("Heavy fighting in Kunduz city killed 20 Taliban, officials said. In Baghlan, "
     "a convoy was ambushed and 4 soldiers died.", D(2021, 6, 20),
     [("Kunduz", None, 20, None, None), ("Baghlan", None, 4, None, None)]),
    ("Four people died when a bomb went off in Zaranj, and seven were hurt in a separate "
     "blast in Qalat.", PUB, [("Nimruz", None, 4, None, None), ("Zabul", None, None, 7, None)]),
    ("A blast in Pul-e-Khumri killed a child. Another explosion in Charikar wounded two.",
     PUB, [("Baghlan", None, 1, None, None), ("Parwan", None, None, 2, None)]),
    ("Rocket fire hit Asadabad on Monday, killing three, and Mehtarlam on Tuesday, "
     "killing one.", PUB, [("Kunar", None, 3, None, "2021-11-01"),
                            ("Laghman", None, 1, None, "2021-11-02")]),
    ("Taliban seized the district centre of Musa Qala in Helmand and later attacked "
     "Tarinkot in Uruzgan, where 9 police officers were killed.", D(2021, 7, 10),
     [("Helmand", "Musa Qala", None, None, None), ("Uruzgan", None, 9, None, None)]),
    ("Bombings in Kabul's Dasht-e-Barchi area killed 25 people on 8 May.", D(2021, 5, 9),
     [("Kabul", None, 25, None, "2021-05-08")]),
    # 21-30: relative dates and number words
    ("Twenty-five civilians were killed in an air strike in Gereshk two days ago.",
     PUB, [("Helmand", None, 25, None, "2021-11-02")]),
    ("In early October, an explosion near the Eid Gah mosque in Kabul killed 12 people and "
     "wounded 32.", PUB, [("Kabul", None, 12, 32, "2021-10-01")]),
    ("In August this year, a blast at Kabul airport killed more than 170 people.",
     PUB, [("Kabul", None, 170, None, "2021-08-01")]),
    ("On 26 August, two suicide bombers attacked crowds outside Kabul airport, killing "
     "over 170.", PUB, [("Kabul", None, 170, None, "2021-08-26")]),
    ("A similar attack on Kabul's military hospital in 2017 killed 30 people.",
     PUB, [("Kabul", None, 30, None, "2017-01-01")]),
    ("One hundred and twenty people died in the Kunduz mosque bombing last Friday.",
     PUB, [("Kunduz", None, 120, None, "2021-10-29")]),
    ("Eleven soldiers were killed in Badghis on November 1st.",
     PUB, [("Badghis", None, 11, None, "2021-11-01")]),
    ("A bomb in Gardez killed a policeman and wounded two civilians this morning.",
     PUB, [("Paktia", None, 1, 2, "2021-11-04")]),
    ("A landmine killed 3 children in Maimana in late September.",
     PUB, [("Faryab", None, 3, None, "2021-09-21")]),
    ("Gunmen killed five de-miners in Baghlan-e Jadid district on 8 June 2021.",
     D(2021, 6, 9), [("Baghlan", None, 5, None, "2021-06-08")]),
    # 31-40: Dari/Pashto names, ambiguous names, precision
    ("Explosion in کندهار killed 4 people on Monday.", PUB,
     [("Kandahar", None, 4, None, "2021-11-01")]),
    ("A bomb exploded in Spin Boldak, killing two border police, on Wednesday.",
     PUB, [("Kandahar", "Spin Boldak", 2, None, "2021-11-03")]),
    ("Clashes erupted in Andarab district of Baghlan, leaving 10 dead on Thursday.",
     PUB, [("Baghlan", "Andarab", 10, None, "2021-11-04")]),
    ("A blast hit a bus in Sheberghan on Tuesday, wounding 11.",
     PUB, [("Jowzjan", None, None, 11, "2021-11-02")]),
    ("Security forces clashed with militants in Bagram on Saturday; 6 attackers died.",
     PUB, [("Parwan", None, 6, None, "2021-10-30")]),
    ("A bombing in Taloqan killed seven people on Monday.", PUB,
     [("Takhar", None, 7, None, "2021-11-01")]),
    ("Gunmen attacked a school in Fayzabad, Badakhshan, killing two teachers on Sunday.",
     PUB, [("Badakhshan", None, 2, None, "2021-10-31")]),
    ("Two rockets landed in Bamyan city on Tuesday, causing no casualties.", PUB,
     [("Bamyan", None, 0, 0, "2021-11-02")]),
    ("An IED killed a soldier in Khas Uruzgan district on Monday.", PUB,
     [("Uruzgan", None, 1, None, "2021-11-01")]),
    ("In Chaghcharan, the capital of Ghor, a blast killed 3 on 3 November.", PUB,
     [("Ghor", None, 3, None, "2021-11-03")]),
    ("Five people were killed in Kabul and three in Herat in separate bombings on Wednesday.",
     PUB, [("Kabul", None, 5, None, "2021-11-03"), ("Herat", None, 3, None, "2021-11-03")]),
    ("Gunmen on motorbikes shot dead three female media workers in Jalalabad on Tuesday.",
     PUB, [("Nangarhar", None, 3, None, "2021-11-02")]),
    ("Airstrikes on the outskirts of Kunduz city killed 25 Taliban fighters on Monday. "
     "Residents said six members of one family, among them two children, were killed in "
     "the strikes.", PUB, [("Kunduz", None, 31, None, "2021-11-01")]),
    ("Pakistani forces fired artillery shells into Dangam district of Kunar province on "
     "Monday, wounding four civilians.", PUB, [("Kunar", "Dangam", None, 4, "2021-11-01")]),
    ("At least seven members of the Afghan security forces lost their lives in the fighting "
     "in Badghis on Tuesday.", PUB, [("Badghis", None, 7, None, "2021-11-02")]),
    ("The death toll from Friday's bombing of a mosque in Kandahar city has risen to 47.",
     PUB, [("Kandahar", None, 47, None, "2021-10-29")]),
    ("Four children were killed when unexploded ordnance they were playing with went off "
     "in Andar district of Ghazni on Monday.", PUB, [("Ghazni", "Andar", 4, None, "2021-11-01")]),
    # distractors — no Afghan incident
    ("Three passengers were martyred when their minibus overturned in Nahrin district.",
     PUB, []),
    ("Qatar strongly condemned the attack and expressed condolences.", PUB, []),
    ("ISIS-K first emerged in eastern Afghanistan in 2014.", PUB, []),
    ("A blast in Peshawar killed 8 people on Monday.", PUB, []),
    ("Talks between the Taliban and the US were held in Doha on Tuesday.", PUB, []),
    ("Police said the bar was closed now and said nothing more.", PUB, []),
    ("Pakistan's army said 5 soldiers were killed in North Waziristan.", PUB, []),
    ("The minister visited Kandahar on Monday to open a new hospital.", PUB, []),
    ("Heavy rains caused floods in Nuristan, officials said.", PUB, []),
]


def _key(gaz, incident):
    return incident.place.admin1 if incident.place else None


@pytest.mark.parametrize("text,published,expected", REPORTS,
                         ids=[f"r{i:02d}" for i in range(1, len(REPORTS) + 1)])
def test_report(gaz, text, published, expected):
    found = [i for i in extract_text(text, published=published) if i.mapped]
    got = sorted(found, key=lambda i: i.sources[0].start)
    assert [i.place.admin1 for i in got] == [e[0] for e in expected], \
        [(i.location, i.reason) for i in got]
    for incident, (province, district, killed, wounded, when) in zip(got, expected):
        if district:
            want = [c.place.id for c in gaz.lookup(district, kind="district")
                    if c.place.kind == "district" and c.place.admin1 == province]
            assert incident.place.admin2_id in want, (incident.place, district)
        assert (incident.fatalities, incident.injured) == (killed, wounded), incident.sources
        if when:
            assert incident.event_date.isoformat() == when, incident.reason


def test_table_is_big_enough():
    assert len(REPORTS) >= 40


def test_foreign_incident_is_flagged_not_mapped():
    (incident,) = extract_text("A blast in Peshawar killed 8 people on Monday.", published=PUB)
    assert not incident.mapped and incident.country == "Pakistan"
    assert incident.fatalities == 8


FOREIGN_REPORTS = [
    "A suicide bomber killed 12 people at a market in Peshawar on Monday.",
    "Gunmen killed 5 soldiers in North Waziristan, Pakistan's army said on Tuesday.",
    "A blast in Quetta, the capital of Balochistan province, killed 7 on Sunday.",
    "Clashes in Kurram district of Khyber Pakhtunkhwa left 10 dead.",
    "Militants attacked a checkpoint in Chaman, killing two Pakistani soldiers.",
    "A car bomb in Baghdad killed 20 people on Wednesday.",
    "Iranian forces killed 4 smugglers near Zahedan on Monday.",
    "An attack on a mosque in Mashhad wounded 6 worshippers.",
    "Two policemen were killed in an attack in Karachi on Monday.",
    "Indian troops killed 3 militants in Kashmir on Tuesday.",
]


@pytest.mark.parametrize("text", FOREIGN_REPORTS)
def test_no_afghan_incident_in_foreign_news(text):
    assert [i for i in extract_text(text, published=PUB) if i.mapped] == []


# -- an armed group's claim against an official figure (ACLED: the conservative one) -----

CLAIM = ("Zabihullah Mujahid, a Taliban spokesman, said in a statement that twelve soldiers "
         "were killed in the attack on a checkpoint in Jaghori district, Ghazni province.")
OFFICIAL = ("Taliban fighters attacked a checkpoint in Jaghori district of Ghazni province on "
            "Monday night. According to the provincial police, four soldiers were killed and "
            "two wounded.")


@pytest.mark.parametrize("text", [OFFICIAL + " " + CLAIM, CLAIM + " " + OFFICIAL])
def test_an_official_figure_wins_over_a_claim(text):
    found = [i for i in extract_text(text, published=date(2021, 5, 4)) if i.mapped]
    assert [(i.place.admin2, i.fatalities) for i in found] == [("Jaghuri", 4)]


def test_a_claim_alone_is_the_figure():
    found = [i for i in extract_text(CLAIM, published=date(2021, 5, 4)) if i.mapped]
    assert [i.fatalities for i in found] == [12]


def _claims_of_every_armed_group():
    from geomap.codebook import actor_sides, actors, spokesmen

    sides = actor_sides()
    speakers = [f"{alias} spokesman" for actor, aliases in actors().items()
                if sides.get(actor) == "armed group" and actor != "Unidentified Armed Group"
                for alias in aliases]
    return speakers + [f"{name}, who speaks for the group," for name in spokesmen()]


@pytest.mark.parametrize("speaker", _claims_of_every_armed_group())
def test_every_armed_group_and_spokesman_in_the_codebook_makes_a_claim(speaker):
    # the codebook is the list: a figure any armed group or its spokesman gives yields
    # to the police's figure of the same attack
    claim = (f"{speaker[0].upper()}{speaker[1:]} said twelve soldiers were killed in the attack on a checkpoint "
             "in Jaghori district, Ghazni province.")
    found = [i for i in extract_text(OFFICIAL + " " + claim, published=date(2021, 5, 4))
             if i.mapped]
    assert [i.fatalities for i in found] == [4], speaker



def test_unexploded_ordnance_going_off_is_an_explosion_not_an_attack():
    (inc,) = [i for i in extract_text(
        "Four children were killed when unexploded ordnance they were playing with went off "
        "in Andar district of Ghazni on Monday.", published=PUB) if i.mapped]
    assert inc.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text,place", [
    ("The Taliban set fire to a girls' school in Sayed Karam district of Paktia province on "
     "Monday night. No one was hurt.", "Paktia"),
    ("Taliban fighters looted the district governor's office in Yamgan district of "
     "Badakhshan on Sunday.", "Badakhshan"),
])
def test_arson_and_looting_are_property_destruction(text, place):
    (inc,) = [i for i in extract_text(text, published=PUB) if i.mapped]
    assert (inc.place.admin1, inc.event_type, inc.sub_event_type) == (
        place, "Strategic developments", "Looting/property destruction")


def test_a_fire_alone_is_no_event():
    assert extract_text("A fire burned down three shops in Kabul's Mandawi market on Monday.",
                        published=PUB) == []


def test_killing_during_an_arson_is_an_attack():
    (inc,) = [i for i in extract_text("Gunmen torched a clinic in Shinwar district of "
                                      "Nangarhar on Tuesday and killed the guard.",
                                      published=PUB) if i.mapped]
    assert (inc.sub_event_type, inc.fatalities) == ("Attack", 1)


def test_a_battle_in_two_districts_is_a_battle_in_both():
    found = [i for i in extract_text("Afghan forces killed 25 Taliban fighters in Arghandab "
                                     "and Zhari districts of Kandahar on Monday.",
                                     published=PUB) if i.mapped]
    assert [(i.place.admin2, i.event_type) for i in found] == [
        ("Arghandab", "Battles"), ("Zhari", "Battles")]


def test_a_tally_over_days_is_no_figure_of_the_event_before_it():
    text = ("A suicide bomber rammed a car into a police vehicle in Maiwand district of "
            "Kandahar on Sunday, killing five policemen. The ministry said the Taliban had "
            "set off 40 bombs over the previous ten days, and more than 60 civilians had "
            "died in them.")
    found = [i for i in extract_text(text, published=PUB) if i.mapped]
    assert [i.fatalities for i in found] == [5]


def test_fighting_over_the_past_days_without_figures_is_still_fighting():
    found = [i for i in extract_text("Heavy fighting between government troops and the "
                                     "Taliban for the town of Rustaq in Takhar province has gone "
                                     "on over the past several days.", published=PUB) if i.mapped]
    assert [i.event_type for i in found] == ["Battles"]


@pytest.mark.parametrize("text,killed", [
    # a tally phrase in a sentence that names its own place or day is background
    ("Afghan forces killed 12 insurgents in Sangin district of Helmand province on Sunday, a "
     "spokesman said, adding that the area had seen heavy fighting over the past year.", 12),
    ("A roadside bomb killed four civilians in Andar district of Ghazni province on Tuesday, "
     "the latest in a series of attacks in the province in the past month.", 4),
    ("Two soldiers were killed in the last week of October in Kandahar province.", 2),
    ("Clashes over the past three days in Sangin district have killed 20 Taliban fighters.", 20),
])
def test_a_tally_phrase_beside_a_place_or_day_leaves_the_event(text, killed):
    found = [i for i in extract_text(text, published=PUB) if i.mapped]
    assert [i.fatalities for i in found] == [killed]


@pytest.mark.parametrize("text", [
    "Insurgents ambushing a supply convoy in Zabul province on Monday were repelled by police.",
    "Three assassinations of tribal elders were reported in Kandahar city on Sunday.",
    "Police said two kidnappings of shopkeepers took place in Herat city on Saturday.",
])
def test_event_words_by_their_stem(text):
    assert [i for i in extract_text(text, published=PUB) if i.mapped]


@pytest.mark.parametrize("text", [
    "Ten people lost their lives in a traffic accident on the highway in Zabul province.",
    "Four children lost their lives when their house collapsed in Parwan province.",
    "The president's remarks set fire to a debate in Kabul over the peace talks.",
    "Deminers cleared unexploded ordnance from fields in Kandahar province.",
])
def test_no_violence_no_incident(text):
    assert extract_text(text, published=PUB) == []


def test_protesters_torching_a_vehicle_is_a_riot():
    (inc,) = [i for i in extract_text("Angry protesters torched a police vehicle in Jalalabad "
                                      "city on Monday.", published=PUB) if i.mapped]
    assert (inc.event_type, inc.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_battle_in_three_districts_is_a_battle_in_all():
    found = [i for i in extract_text("Afghan forces killed 25 Taliban fighters in Arghandab, "
                                     "Zhari and Panjwai districts of Kandahar on Monday.",
                                     published=PUB) if i.mapped]
    assert [i.event_type for i in found] == ["Battles"] * 3


@pytest.mark.parametrize("text,place", [
    ("Taliban fighters captured Zaranj, the capital of Nimroz province, on Monday.", "Nimruz"),
    ("Sheberghan, the capital of Jawzjan province, fell to the Taliban on Monday.", "Jowzjan"),
])
def test_a_provincial_capital_taken_is_territory(text, place):
    (inc,) = [i for i in extract_text(text, published=PUB) if i.mapped]
    assert (inc.place.admin1, inc.sub_event_type) == (place, "Non-state actor overtakes territory")


def test_a_district_officer_captured_is_an_arrest_not_territory():
    (inc,) = [i for i in extract_text("A force captured the Nawa district police chief in "
                                      "Helmand on Monday.", published=PUB) if i.mapped]
    assert (inc.sub_event_type, inc.detained) == ("Arrests", 1)


def test_a_claim_of_saturdays_attack_dates_the_attack():
    (inc,) = [i for i in extract_text("ISIS-K claimed responsibility for Saturday's attack on a "
                                      "Taliban vehicle in Jalalabad which killed two Taliban "
                                      "fighters.", published=PUB) if i.mapped]
    assert inc.event_date == date(2021, 10, 30)


def test_a_provinces_city_is_the_city():
    (inc,) = [i for i in extract_text("Gunmen killed five policemen in Baghlan's Pul-e-Khumri "
                                      "city overnight.", published=PUB) if i.mapped]
    assert inc.place.admin1 == "Baghlan" and "Khumr" in inc.place.name   # (not Baghlan town)


def test_a_claim_set_against_the_officials_figure_yields_to_it():
    text = ("Officials said the Taliban had killed five policemen at a checkpoint in Baghlan's "
            "Pul-e-Khumri city overnight, while the insurgents claimed to have killed 20.")
    assert [i.fatalities for i in extract_text(text, published=PUB) if i.mapped] == [5]


def test_another_four_wounded_is_the_same_attack_another_attack_is_not():
    same = [i for i in extract_text(
        "A car bomb hit a police convoy in Kandahar on Sunday, killing five policemen. The "
        "bombing was in Maiwand district of Kandahar and wounded another three policemen.",
        published=PUB) if i.mapped]
    assert [(i.place.admin2, i.fatalities, i.injured) for i in same] == [("Maywand", 5, 3)]
    two = [i for i in extract_text(
        "A bomb killed two soldiers in Kunduz city on Monday. In another attack, gunmen killed a "
        "teacher in Imam Sahib district of Kunduz.", published=PUB) if i.mapped]
    assert len(two) == 2
