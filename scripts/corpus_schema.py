"""What a corpus batch line may hold besides its labels: the platform names, shared by the corpus scripts and tests."""

PLATFORMS = frozenset(
    {
        "",
        "Lancers",
        "CrowdWorks",
        "Coconala",
        "ShuFti",
        "Sagooo Works",
        "Upwork",
        "Fiverr",
        "Skeb",
        "SKIMA",
        "Street Academy",
        "TimeTicket",
        "Shinobi Writing",
        "MENTA",
        "Other",
    }
)
"""The service a text names, as an English id; empty when it names none, ``Other`` for a named service not listed."""
