"""Postal addresses written without a street number, which `--hide-contacts` masks in every text.

presenters.address_pattern finds the contacts' own addresses and any street address that starts
with a number; a sheet's prose also gives addresses without one: « Agence Hydraulique du Souss
Massa Drâa (Av. My Abdallah, Ville nouvelle, B.P. 432, Agadir - … ) », « Bd Med V BP 812 Oujda »,
« Président du comité de jumelage BP 61 Gao », « (22/24 viaduc Kennedy - C.O. n°36 - 54 035 Nancy
Cedex - Tel : …) ». Such an address runs from a street word or a post-office box over the parts an
address is made of (another street, a box, a quarter, a postcode and its town, a town closing it),
and is masked whole; the institution it follows (« Agence Urbaine ») and its website stay.
"""
from __future__ import annotations

_S = r"(?:[ \t]|<[^>]*>)+"  # spaces within a line (a snippet's <mark> tags too); an address is one line
_SEP = r"(?:[ \t]*(?:<[^>]*>)*[,–-](?:<[^>]*>)*[ \t]*|" + _S + ")"  # « , », « - », « – » or spaces
_UP = r"[A-ZÀ-ÖØ-Þ]"
# a word a name may not take: a box, a phone's or a web address's label
_NOT_NAME = r"(?!B\.?[ \t]?P\b|(?i:t[ée]l|fax|e-?mail|courriel|site|port)\b)"
_NAME_WORD = _NOT_NAME + _UP + r"[\w'’.-]*"
# a street's name: capitalised words, « de », « el »… between them (« Prince Moulay Abdellah », « Med V »)
_LINK = r"(?:(?:de|du|des|la|le|el|al|ben|ibn)" + _S + r"|d(?:['’]|&#x27;|&#39;))"
_NAME = _LINK + r"{0,2}" + _NAME_WORD + r"(?:" + _S + _LINK + r"{0,2}" + _NAME_WORD + r"){0,5}"
# a street word written with a capital, so no number needed (« Avenue Hassan II », « Résidence El Hadj Thami »);
# after an article it is prose (« Inauguration de la Rue de Safi à Montereau »)
_STREET_CAPITAL = r"(?<!\bla )(?<!\bune )(?<![lL]['’])(?:Av\.|Avenue|Bd|Boulevard|Rue|R[ée]sidence)"
_NUMBER = r"\d{1,4}(?:/\d{1,4})?(?:[ \t]?(?:bis|ter)\b)?[ \t]*,?[ \t]*"
# the street words after a number (« 26 rue », « 22/24 viaduc »), here and in presenters (a street address
# there, and what makes a contact's address someone's)
STREET_WORDS = r"rue|avenue|boulevard|bd|place|all[ée]e|chemin|impasse|quai|route|cours|square|viaduc|r[ée]sidence"
_STREET_ANY = r"(?i:av\.?|" + STREET_WORDS + r")"
_STREET = r"(?:" + _NUMBER + r"(?:<[^>]*>)*" + _STREET_ANY + r"|" + _STREET_CAPITAL + r")" + _S + _NAME
# a town, maybe of several words (« Aix en Provence », « Boulogne sur Mer »), maybe « Cedex 05 »
_TOWN_WORD = _NOT_NAME + _UP + r"[\w'’-]*"
_TOWN = (_TOWN_WORD + r"(?:" + _S + r"(?:en|sur|sous|l[èe]s|la|le|les|de|du|des|aux)" + _S + _TOWN_WORD + r")*"
         r"(?:" + _S + r"(?i:c[ée]dex)(?:" + _S + r"\d{1,2})?)?")
# a post-office box, its town when it follows (« BP 61 Gao »); « BP 2008 » is a provisional budget
_BOX = (r"(?:B\.?[ \t]?P\.?|(?i:bo[iî]te postale))[ \t]*(?:n°[ \t]*)?(?!(?:19[5-9]|20[0-3])\d\b)\d{1,5}\b"
        r"(?:" + _S + _TOWN + r")?")
_POSTCODE_TOWN = r"\d{2}[ \t]?\d{3}" + _S + _TOWN
# before a postcode, a street's name may go on in small letters (« 26 rue du Puits neuf 13100 Aix en
# Provence »: QA r44, audit 9, defect 5, where « neuf 13100 Aix en Provence » was left shown)
_NAME_TAIL = r"(?:[a-zà-ÿ][\w'’-]*" + _S + r"){0,3}"
_PART = r"(?:" + "|".join((_STREET, _BOX, _NAME_TAIL + _POSTCODE_TOWN, r"C\.O\.[ \t]*n°[ \t]*\d{1,4}",
                           r"Ville nouvelle", r"(?:Quartier|Hay)" + _S + _TOWN)) + r")"
# where a town alone closes an address (« B.P. 432, Agadir - +212… », « …, Agadir) »)
_CLOSED = r"(?=[ \t]*(?:[).;:\n]|[-–][ \t]*[+\d]|$))"
# a postcode and its town may stand on the next line (« 1000, rue d'Alco » / « 34 087 Montpellier »), the
# line maybe closed by a dash (« 17 rue de Boston – » / « 67000 STRASBOURG »: QA r44, audit 9, defect 5)
_NEXT_LINE = r"(?:[ \t]*[,–-])?[ \t]*\n[ \t]*" + _POSTCODE_TOWN
POSTAL_ADDRESS = (r"(?:" + _STREET + r"|" + _BOX + r")(?:" + _SEP + _PART + r"|" + _NEXT_LINE + r")*(?:" + _SEP + _TOWN
                  + _CLOSED + r")?(?:</[a-z]+>)?")  # a snippet's closing </mark> goes with its word
