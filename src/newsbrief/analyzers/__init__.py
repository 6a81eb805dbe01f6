"""One spaCy component per concern. Each writes its part of the brief to the Doc extension
`nb_<field>` (see `base.py`) and declares it in its factory's `assigns`/`requires`, which is all
`pipeline.py` needs to put it in the right place."""
