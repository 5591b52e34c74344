"""`ForeignComplaints`: what went wrong, said in a Spanish, Portuguese, French, Russian or Polish
message of any intent ("у меня заказ 8800553535, фен пришел сломанный. спор открыла 26 ноября"),
as a `complaint` entity whose value is the type, as EntityMeaning gives English complaint phrases.

The phrases are matched with accents folded ("no llegó" and "no llego" alike). The first phrase in
the message gives the type ("38 размера вместо 41" is the size). "Not received" about money, an
answer or an address ("no me ha llegado el reembolso", "не получила ответ") is not a parcel that
never came, and "a coupon instead of a refund" is not a wrong item.
Runs after LanguageIdentifier.
"""

import re
import unicodedata
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LANGUAGE, LANGUAGE_GUESS
from addons.nlu.per_message import PerMessageComponent

# Phrases per complaint type and language, written without accents (the text is folded alike).
_PHRASES = {
    "not_received": {
        "es": r"no (me |nos )?(ha |han )?lleg(ado|o|a)\b|nunca (me )?lleg|no (lo |la |los |las )?"
        r"(he )?recibid|no (lo |la )?recibi\b|sin recibir|(paquete|pedido|envio) (se ha )?"
        r"(perdido|extraviado)|se (me )?(ha )?(perdido|perdio|extravio|extraviado)\b|"
        r"seguimiento (esta |lleva )?(parado|detenido|sin moverse)",
        "pt": r"n[a]o (me )?cheg(ou|aram|a)\b|nunca cheg|n[a]o (o |a )?recebi|nao foi entregue|"
        r"(pacote|encomenda|pedido) (foi )?(perdid|extraviad)|extraviad[oa]\b|"
        r"(pacote|encomenda|pedido|produto) sumiu|sumiu (o|a|meu|minha) (pacote|encomenda|pedido)|"
        r"perderam|"
        r"rastreio (esta )?(parado|nao (anda|atualiza|se mexe))",
        "fr": r"(jamais|pas|toujours pas|rien) re[c]u|jamais arrive|(n'est |ne sont )?(toujours |"
        r"jamais |pas )(encore )?arrive|jamais livre|pas (ete )?livre|colis (est )?(perdu|egare)|"
        r"colis (est )?bloque|suivi (est )?bloque",
        "ru": r"не (при|до)ш(ел|л[аио]?)\b|не получ(ил[аи]?|ена|ен)\b|так и не (пришл|пришел|"
        r"получил)|не доставлен|не доставили|потеряли (посылку|заказ)|потерян|"
        r"потерял(ся|ась|ось)|ни посылки|трек (не обновляется|стоит|завис)",
        "pl": r"nie (do)?(szl[aoy]?|szedl|dotarl[aoy]?|przyszl[aoy]?|przyszedl|dostalem|dostalam|"
        r"otrzymalem|otrzymalam)\b|nigdy nie (dotarl|przyszl|przyszedl|doszl)|nie (zostala?|"
        r"zostalo) dostarczon|zaginel|zaginela|zaginiona|zgubili (paczke|przesylke)|sledzenie stoi",
    },
    "not_as_described": {
        "es": r"no (es|era|coincide|corresponde|se parece)\b.{0,15}(foto|descripcion|anuncio|"
        r"pedi)|no es lo que (pedi|compre)|(distint|diferente)[oa]s? (a|de|que) (la|lo de la) "
        r"(foto|descripcion|anuncio)|(otro|distinto) color|color (distinto|diferente|equivocado)|"
        r"falsificad|imitacion|(producto|articulo) equivocado|nada que ver|"
        r"(mandaron|enviaron|llego|vino|es) otra cosa",
        "pt": r"nao (e|era|corresponde|bate)\b.{0,15}(foto|anuncio|descricao|pedi)|diferente "
        r"d[ao] (foto|anuncio|descricao)|cor errada|outra cor|falsificad|falso\b|replica\b|"
        r"(produto|item) errado|veio outr[oa]|mandaram outr[oa]|nada a ver",
        "fr": r"(pas|non) conforme|ne correspond pas|pas comme (sur )?(la|les) photo|"
        r"different[e]? de (la|l')(photo|description|annonce)|mauvais(e)? (article|produit|"
        r"couleur)|autre couleur|contrefacon|rien a voir|ressembl\w* pas|correspond\w* pas",
        "ru": r"не соответству|не как на (фото|картинке)|не то,? что (я )?заказ|не тот товар|"
        r"другой товар|другого цвета|не того цвета|другой цвет|подделк|совсем не то",
        "pl": r"niezgodn|nie(zgodny)? z opisem|nie (jak|taki jak|takie jak) na zdj|inny (kolor|"
        r"produkt|przedmiot|towar|model)|inne niz na|podrob|falszyw",
    },
    "defective": {
        "es": r"\brot[oa]s?\b|rajad|agrietad|danad|defectuos|no (funciona|enciende|carga)\b|"
        r"estropead|averiad|partid[oa]s?\b|abollad|aplastad|quebrad|dejo de funcionar|"
        r"no (funcionan|encienden|suena)\b",
        "pt": r"quebrad|rachad|trincad|danificad|(com )?defeito|defeituos|nao (funciona|liga|"
        r"carrega)\b|amassad|estragad|avariad|parou de funcionar|so funciona de um lado",
        "fr": r"\bcasse(e|s|es)?\b|fele(e|s)?\b|fissure|endommage|abime|defectueu|ne (s')?"
        r"(marche|fonctionne|allume|charge) (pas|plus|jamais)|en panne|ecrase|brise|"
        r"(marche|fonctionne|s'allume|charge) (pas|plus|jamais)",
        "ru": r"сломан|разбит|трещин|треснул|треснут|брак|не работает|не включается|не греет|"
        r"не заряжается|поврежд|помят|испорчен|дефект",
        "pl": r"zepsut|uszkodz|pekniet|pekl[aoy]?\b|rozbit|zbit[aey]?\b|zgniecion|nie dziala|"
        r"nie wlacza|nie laduje|wadliw|polaman|zlaman|przestal[aoy]? dzialac",
    },
    "wrong_size": {
        "es": r"\btalla|tamano (equivocado|incorrecto|distinto)|(muy|demasiado) (pequen|grande|"
        r"chic|ajustad|estrech)|me (queda|esta) (pequen|grande|chic|ajustad)|no me (queda|vale|"
        r"entra)\b",
        "pt": r"tamanho (errado|diferente|menor|maior|trocado)|numeracao|(muito|bem) (pequen|"
        r"grande|apertad|larg)|nao (me )?serv(e|iu)\b|ficou (pequen|grande|apertad)",
        "fr": r"\btaille\b|trop (petit|grand|serre|large|court|long)|pointure",
        "ru": r"размер|маломер|большемер|не налез|\bмал[аыо]?\b (мне|по)|\bвелик[аи]?\b (мне|по)",
        "pl": r"rozmiar|za (mal[aey]|duz[aey]|ciasn|szerok)|nie pasuje",
    },
}
# Two sizes named ("pedí una M y me llegó una XL", "pedi M e veio GG"): the wrong size, before
# the other types' phrases ("ordered ... and got ...").
_SIZE_MARK = re.compile(r"\b(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl|p|g|gg|xg|xxg)\b(?!['’-])")
# One thing sent for another ("pedí una funda y vino un cargador", "прислали 42 вместо 38"): the
# wrong size when two sizes are named, else not as described; not "a coupon instead of a refund".
_ONE_FOR_ANOTHER = {
    "es": r"en (vez|lugar) de|\bpedi\b.{1,40}\by (me )?(mandaron|enviaron|llego|vino|llegaron)\b",
    "pt": r"em vez de|no lugar d|\bpedi\b.{1,40}\be (veio|chegou|mandaram|enviaram)\b",
    "fr": r"au lieu d|\bcommande\b.{1,40}\b(et )?(j'ai )?recu (un|une|des|du)\b",
    "ru": r"вместо|заказ(ывал|ал)[аи]?\b.{1,40}\b(прислали|пришл[аио]?|пришел)\b",
    "pl": r"zamiast|zamowil\w*\b.{1,40}\ba (przyszl\w*|przyszedl|dostal\w*|przyslali)\b",
}
_SIZE_NUMBER = re.compile(r"\b\d{2,3} ?[a-h]?\b")
# "Instead of" says one thing came for another; "ordered ..., it came ..." only when nothing else
# went wrong ("заказал тонометр, пришёл с треснутым корпусом" is a defect).
_INSTEAD = re.compile(r"en (vez|lugar) de|em vez de|no lugar d|au lieu d|вместо|zamiast")
# "Doesn't work" about the tracking ("el número de seguimiento no funciona"), just before it.
_NOT_THE_ITEM = {
    "es": r"seguimiento|tracking|numero|codigo|enlace",
    "pt": r"rastreio|rastreamento|tracking|codigo|numero|link",
    "fr": r"suivi|tracking|numero|lien",
    "ru": r"трек|отслежива|номер|ссылк",
    "pl": r"sledzeni|tracking|numer|link",
}
# "Not received" or "instead of" about money, an answer or an address: those words around it.
_NOT_A_PARCEL = {
    "es": r"reembolso|dinero|respuesta|devolucion|mensaje|correo|cupon|direccion|numero|rma",
    "pt": r"reembolso|estorno|dinheiro|resposta|mensagem|e-?mail|cupom|endereco|numero|rma",
    "fr": r"rembours|argent|reponse|message|mail|coupon|bon d'achat|adresse|numero|rma",
    "ru": r"деньг|возврат|ответ|сообщени|письм|средств|купон|адрес|номер|rma",
    "pl": r"zwrot|pieniadz|pieniedz|kas[aey]\b|odpowied|wiadomos|mail|kupon|adres|numer|rma",
}
_BEFORE, _AFTER = 25, 30
_SENTENCE_END = re.compile(r"[.!?\n]+")

_ONE_FOR_ANOTHER_KIND = "one_for_another"
# What is looked for: the kind, its phrases, the words that make a phrase not about the item, and
# how far after the phrase they count ("llegó roto, el número de pedido es ..." is a defect).
_SEARCHED = [
    ("not_received", _PHRASES["not_received"], _NOT_A_PARCEL, _AFTER),
    ("not_as_described", _PHRASES["not_as_described"], None, 0),
    ("defective", _PHRASES["defective"], _NOT_THE_ITEM, 0),
    ("wrong_size", _PHRASES["wrong_size"], None, 0),
    (_ONE_FOR_ANOTHER_KIND, _ONE_FOR_ANOTHER, _NOT_A_PARCEL, _AFTER),
]
_COMPILED_SEARCH = [
    (
        kind,
        {language: re.compile(words) for language, words in phrases.items()},
        {language: re.compile(words) for language, words in (guard or {}).items()},
        after,
    )
    for kind, phrases, guard, after in _SEARCHED
]
LANGUAGES = set(_NOT_A_PARCEL)


def folded(text: Text) -> Text:
    """Lower case, accents dropped, one character for one ("Llegó" -> "llego", "ё" -> "е"):
    positions stay those of `text`."""
    return "".join(_fold(character) for character in text.lower())


def _fold(character: Text) -> Text:
    if character in "łŁ":
        return "l"
    if character == "ё":
        return "е"
    if character == "й":  # a letter of its own in Russian, kept
        return character
    base = unicodedata.normalize("NFKD", character)[0]
    return base if base.isalpha() else character


def complaint_said(text: Text, language: Text) -> Optional[Dict[Text, Any]]:
    """The first complaint phrase in `text` (a message in `language`) as a `complaint` entity."""
    if language not in LANGUAGES:
        return None
    plain = folded(text)
    sizes = list(_SIZE_MARK.finditer(plain))
    if len(sizes) >= 2:
        return _entity("wrong_size", sizes[0].start(), sizes[-1].end())
    found = []
    for kind, phrases, guards, after in _COMPILED_SEARCH:
        guard = guards.get(language)
        for match in phrases[language].finditer(plain):
            if guard is None or not guard.search(_around(plain, match.start(), match.end(), after)):
                found.append((match.start(), match.end(), kind))
    if not found:
        return None
    told = [f for f in found if f[2] != _ONE_FOR_ANOTHER_KIND or _INSTEAD.search(plain, f[0], f[1])]
    start, end, kind = min(told or found)
    if kind == _ONE_FOR_ANOTHER_KIND:
        two_sizes = len(_SIZE_NUMBER.findall(plain)) >= 2
        kind = "wrong_size" if two_sizes else "not_as_described"
    return _entity(kind, start, end)


def _around(plain: Text, start: int, end: int, after: int) -> Text:
    """The words around a phrase that may make it not about the item, within its sentence: "la
    paczka nie przyszła. Jak odzyskać pieniądze?" is a parcel, and the money another question."""
    ends = [m.end() for m in _SENTENCE_END.finditer(plain, 0, start)]
    first = max(start - _BEFORE, ends[-1] if ends else 0)
    following = _SENTENCE_END.search(plain, end)
    last = min(end + after, following.start() if following else len(plain))
    return plain[first:last]


def _entity(kind: Text, start: int, end: int) -> Dict[Text, Any]:
    return {
        "entity": "complaint",
        "value": kind,
        "start": start,
        "end": end,
        "extractor": ForeignComplaints.__name__,
    }


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ForeignComplaints(PerMessageComponent, EntityExtractorMixin):
    def process_message(self, message: Message) -> None:
        language = message.get(LANGUAGE) or message.get(LANGUAGE_GUESS)
        entities: List[Dict[Text, Any]] = message.get(ENTITIES) or []
        if any(e.get("entity") == "complaint" for e in entities):
            return
        complaint = complaint_said(message.get(TEXT) or "", language)
        if complaint:
            message.set(ENTITIES, [*entities, complaint], add_to_output=True)
