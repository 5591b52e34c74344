"""What the users say to each bot, and a reply that shows our custom actions ran."""

# One conversation each; cycled with a new sender every time round.
OUR_CONVERSATION = [
    "hello",
    "the seller hasn't replied to my dispute",
    "I opened it 3 days ago",  # form validation + deadline check (dateparser) + reminder offer
    "no thanks",
    "my parcel never came, order 8123456789012345",  # complaint action
    "yes please",  # walkthrough step 1
    "next",
    "how does the return process work?",
    "where was I?",
    "can I talk to a real person",  # case summary
]
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
