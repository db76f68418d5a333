"""What a state secret is, as concept classes drawn from the law and the sector catalogues
(basis.py), each with its cue words and the detail that makes it a leak (specifics.py).

defence.py, security.py, society.py and state.py hold the classes; engine.py finds them.
"""
