"""What the users say to each bot, and a reply that shows our custom actions ran."""

# Ours: the same conversation in each of its six languages, each with a new sender; the
# whole list is cycled. The stock bot: one conversation, cycled with a new sender every time.
OUR_CONVERSATIONS = [
    [
        "hello",
        "the seller hasn't replied to my dispute",
        "I opened it 3 days ago",  # form validation + deadline check (dateparser) + reminders
        "no thanks",
        "my parcel never came, order 8123456789012345",  # complaint action
        "yes please",  # walkthrough step 1
        "next",
        "how does the return process work?",
        "where was I?",
        "can I talk to a real person",  # case summary, in English only
    ],
    [
        "hola",
        "el vendedor no ha contestado a mi disputa",
        "la abrí hace 3 días",
        "no gracias",
        "mi paquete nunca llegó, pedido 8123456789012345",
        "sí, por favor",
        "siguiente",
        "¿cómo funciona la devolución?",
        "¿dónde me quedé?",
        "quiero hablar con una persona de verdad",  # and its English copy
    ],
    [
        "oi",
        "o vendedor não respondeu a minha disputa",
        "abri há 3 dias",
        "não, obrigado",
        "meu pacote nunca chegou, pedido 8123456789012345",
        "sim, por favor",
        "próximo",
        "como funciona a devolução?",
        "onde eu parei?",
        "quero falar com uma pessoa de verdade",
    ],
    [
        "bonjour",
        "le vendeur n'a pas répondu à mon litige",
        "je l'ai ouvert il y a 3 jours",
        "non merci",
        "mon colis n'est jamais arrivé, commande 8123456789012345",
        "oui s'il vous plaît",
        "suivant",
        "comment se passe le retour ?",
        "où en étais-je ?",
        "je veux parler à une vraie personne",
    ],
    [
        "здравствуйте",
        "продавец не ответил на мой спор",
        "открыл его 3 дня назад",
        "нет, спасибо",
        "моя посылка так и не пришла, заказ 8123456789012345",
        "да, пожалуйста",
        "дальше",
        "как оформить возврат товара?",
        "на чём я остановился?",
        "хочу поговорить с живым человеком",
    ],
    [
        "dzień dobry",
        "sprzedawca nie odpowiedział na mój spór",
        "otworzyłem go 3 dni temu",
        "nie, dziękuję",
        "moja paczka nigdy nie doszła, zamówienie 8123456789012345",
        "tak, poproszę",
        "dalej",
        "jak wygląda zwrot towaru?",
        "na czym skończyliśmy?",
        "chcę porozmawiać z prawdziwym człowiekiem",
    ],
]
OUR_TURNS = len(OUR_CONVERSATIONS[0])
assert all(len(conversation) == OUR_TURNS for conversation in OUR_CONVERSATIONS)
OUR_CONVERSATION = [message for conversation in OUR_CONVERSATIONS for message in conversation]
STOCK_CONVERSATION = [  # its own stories and rules: sad path 2, happy path, sad path 1, bot, bye
    "hello",
    "I am sad",
    "no",
    "hi there",
    "I am feeling great",
    "are you a bot?",
    "good morning",
    "I'm very sad",
    "yes",
    "bye",
]
# A reply that shows the custom actions really ran (3 days before Sat 28 Nov 2026).
OUR_CHECK = ("I opened it 3 days ago", "Wednesday 25 November")
