"""Places: the offline gazetteer, place mentions in text, and which place each one is."""
