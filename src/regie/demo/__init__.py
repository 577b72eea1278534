"""The fictional demo municipality: one seeding module per app, `seed.seed_demo` runs them in dependency order.

It sits on top of every app (it may import them all) and no app imports it.
"""
