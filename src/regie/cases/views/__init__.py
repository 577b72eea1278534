"""Case pages (HTML), split by noun; every read goes through the access door, every write through a service."""
