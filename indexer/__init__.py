"""Source text -> records -> index: parsing the corpus and writing the Whoosh index."""
