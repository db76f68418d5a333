"""The editorial desk around a bulletin: comments, templates, version diffs, search, queues."""
