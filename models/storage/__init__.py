"""Files on disk: drafts and their schema, autosave, locks, settings, recent files, safe writes, names."""
