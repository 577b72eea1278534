"""The municipality's registers and services outside Regie (issue 21): BRP, BAG, mail, the Zaken API.

Clients here speak the published protocols and know nothing of Regie's domain: they take and return plain values.
The domain apps call them from their services, which check access, write the processing log and store results.
Single sign-on lives with the accounts (`regie.accounts.oidc`).
"""
