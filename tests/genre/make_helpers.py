"""Small helpers shared by plans.py (heading and label formats)."""
import re


def split_id(i):
    """'4a' -> ('4', 'a'); '4.1' -> ('4', '.1'); '7' -> ('7', '')."""
    m = re.match(r"^(\d+)(.*)$", i)
    return m.group(1), m.group(2)


def join_og(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


SECTIONS = dict(intro="Om denne rapporten", overview="Oversikt over status for tiltak",
                depts="Ansvarlige departementer og direktorater")
