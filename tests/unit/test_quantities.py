"""nlp_pipeline/quantities.py: fewer items arrived than were ordered, in six languages."""

import pytest

from nlp_pipeline.quantities import says_fewer_arrived


@pytest.mark.parametrize(
    "text",
    [
        "ordered 4 phone cases and only 2 arrived",
        "got 2 out of 5",
        "only received 1 of the 3 lamps",
        "pedí 4 camisetas y solo llegaron 2",
        "recibí 2 de 5 pares",
        "pedi dois pares e só veio um",
        "comprei um kit com 5 pincéis e vieram 3",
        "j'ai commandé 3 t-shirts et seulement 1 est arrivé",
        "il n'en est arrivé que deux sur cinq",
        "заказал 3 футболки, пришла только одна",
        "zamówiłem 4 koszulki a przyszły tylko 2",
        "commande de 2 articles, un seul est arrivé",
        "era pra ser um kit com 3 capinhas e veio uma so",
    ],
)
def test_fewer_arrived_than_ordered(text):
    assert says_fewer_arrived(text)


@pytest.mark.parametrize(
    "text",
    [
        "pedi M e veio GG",  # sizes in letters
        "buty sa za male, rozmiar 42 a to jakies 39",  # sizes in numbers
        "ordered size 10 and got an 8",
        "my order no is 5039128476520193",
        "ordered 3 weeks ago, arrived 2 days late",  # durations
        "opened the dispute on 03/11, only 1 reply",  # a date
        "el 12 de noviembre pedí 2 y llegó el 3 de diciembre",
        "paid 35 dollars and got 1 charger",  # a price
        "wrong model, I ordered a case for the Redmi Note 12 and got one for the Note 11",
        "pedi um vestido e veio outro",
        "commande de 3 articles : rien reçu, pas même un avis de passage",  # an article
        "pedi o sutia 44 e veio 40",  # a size without the word
        "заказывал 14, пришел 11",  # models
        "i ordered eu 42 and received eu 40",
    ],
)
def test_sizes_durations_dates_prices_and_models_are_not_counts(text):
    assert not says_fewer_arrived(text)
