"""The test worlds: named test data made through the real services, played by the demo's named users.

The named users are the demo accounts (src/regie/demo/accounts.py), one per role, from the `users` fixture in
tests/conftest.py, keyed by username: `procesregisseur` (Sanne de Wit), `projectleider`, `handhaver`,
`jurist`, `brp`, `politie` (police partner), `ggz` (care partner), `analist`, `beheerder` (functional
administrator), `privacy` (data protection officer). `CASE_ROLES` are those that can be on a case's team,
`NO_CASE_ROLES` those that cannot (tests/worlds/cases.py).

Worlds, one module each:

- `cases` — the shared factories every world builds with (`make_case_type`, `stored_case_type`,
  `make_address`, `make_person`, `make_case`, `add_member`, `add_note`, `add_document`) and the case world
  (`make_world`, fixture `world` in tests/cases/conftest.py): `beheerder` makes the PGA case type;
  `procesregisseur` coordinates one PGA case, "Zorgen rond Jan", about Jan de Vries (BSN 111222333,
  Dorpsstraat 12); on its team the organisation of `politie` (partner, general) and `ggz` as user
  (behandelaar, general and care); one note per category (general, care, justice) by `procesregisseur`.
  Everyone else is not on it.
- `search` — the search world (`make_search_world`, fixture `sw` in the tests/search/ modules): the case
  world, plus `projectleider`, `handhaver`, `jurist` and `brp` as users on its case (general), so every case
  role finds Jan; and a hidden case of `projectleider`, of type "woonfraude", about Els Bakker (Karstraat 9),
  nobody else on it. `put_in_case` adds a person to a case.
- `api` — the API world (`build_world`, fixtures `shared`/`world`/`api` in tests/api/conftest.py, also used by
  tests/access/): a second process director `regisseur2` (Noor Visser, not a demo account) coordinates case M
  "Zorgen om Piet" (Piet Jansen, Kavel 12, Loods Jansen BV) and case H "Zorgen om Els" (Els Bakker, Kavel 40,
  Schuur Bakker VOF). Every case role is on M as a user (casusregisseur, general only); the organisations of
  `analist`, `beheerder` and `privacy` are on M as partner (all categories); nobody is on H. Each case has
  notes in the three categories, a general and a care document and a task. The module also holds the API
  tests' factories (`f.case`, `f.member`, `f.note`, …), which build on `cases`.
- `park` — the park world (`make_park_world`, fixtures `province_user`/`park_world` in
  tests/park/conftest.py): `projectleider` leads Recreatiepark Testmeren with lots 1-6 on Marsweg 101-106 (lot
  1 permanent, with occupant Piet Permanent; 2 suspected; 3 recreational); an inspection round on 1 June 2025
  by `handhaver` and `provincie` (Eva Brouwer, a Province inspector added to `users` by `make_province_user`).
- `procedures` — the procedures world (`make_procedures_world`, fixture `world` in
  tests/procedures/conftest.py, with "today" pinned at `TODAY`, Monday 2 March 2026): `projectleider`
  coordinates the permanent-residence case on Marsweg 14 (resident Peter Jansen, owner Marieke de Vos) with
  `handhaver` and `jurist` (general); `jurist` coordinates the 13b Opiumwet case on Karstraat 9 (Ronald
  Bakker) with `handhaver` (general and justice) and `projectleider` (general); `brp` coordinates the address
  investigation of Marsweg 14 about Peter Jansen, alone.

Use: ask for the directory's fixture (`world`, `park_world`, …) in a test, or call the builder with `users`
(`make_world(users)`) where a test outside that directory needs the same world; add a case, member, note or
document with the factories of `cases` rather than calling the services by hand. Tests assert on what the
worlds contain: add to a world only what no test contradicts, and update this index when a world changes.
"""
