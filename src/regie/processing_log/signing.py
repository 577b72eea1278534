"""Signed checkpoints of the processing log, kept outside the database (decision 0014).

A checkpoint says "the chain that begins with entry hash C had at position P entry S with the hash H". It is
signed with an Ed25519 key the database does not hold and appended, one JSON line each, to a file outside the
database. `verify_chain` compares the chain with the last line of that file: a chain that no longer reaches P (its
tail deleted), that has another entry or hash at P (edited and re-chained with the public algorithm), or that
begins differently (replaced) is broken, and a line whose signature does not hold is a forged checkpoint. Someone
with database superuser rights can rewrite the table and its checkpoint rows, not the file and not the signature.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings


def _key_path() -> Path:
    return Path(settings.REGIE_LOG_SIGNING_KEY_FILE)


def signing_key() -> Ed25519PrivateKey:
    """The signing key, created on first use (readable by the owner only); never stored in the database."""
    path = _key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        try:  # exclusive: two processes starting at once end up with the same key
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(pem)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} bevat geen Ed25519-sleutel.")
    return key


@dataclass(frozen=True)
class SignedCheckpoint:
    chain: str  # the hash of the chain's first entry: which chain this is about
    position: int  # the place in the chain (`chain_pos`)
    seq: int  # the entry at that place (its number)
    hash: str
    at: str
    signature: str

    def payload(self) -> bytes:
        return f"regie-log-checkpoint:{self.chain}:{self.position}:{self.seq}:{self.hash}:{self.at}".encode()

    def signature_holds(self) -> bool:
        try:
            signing_key().public_key().verify(bytes.fromhex(self.signature), self.payload())
        except (InvalidSignature, ValueError):
            return False
        return True


def sign_checkpoint(*, chain: str, position: int, seq: int, hash: str, at: datetime) -> SignedCheckpoint:
    unsigned = SignedCheckpoint(chain=chain, position=position, seq=seq, hash=hash, at=at.isoformat(), signature="")
    signature = signing_key().sign(unsigned.payload()).hex()
    return SignedCheckpoint(
        chain=chain, position=position, seq=seq, hash=hash, at=unsigned.at, signature=signature
    )


def append_checkpoint(checkpoint: SignedCheckpoint) -> None:
    """Append the checkpoint to the file outside the database, on disk before this returns."""
    path = Path(settings.REGIE_LOG_CHECKPOINT_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(checkpoint.__dict__, sort_keys=True) + "\n"
    with path.open("a", encoding="utf-8") as out:
        out.write(line)
        out.flush()
        os.fsync(out.fileno())


class CheckpointFileError(ValueError):
    """The checkpoint file cannot be read as checkpoints: itself a sign of tampering."""


def last_checkpoint() -> SignedCheckpoint | None:
    """The last checkpoint in the file, or None when none was written yet."""
    path = Path(settings.REGIE_LOG_CHECKPOINT_FILE)
    if not path.exists():
        return None
    last = ""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                last = line
    if not last:
        return None
    try:
        fields = json.loads(last)
        return SignedCheckpoint(
            chain=str(fields["chain"]),
            position=int(fields["position"]),
            seq=int(fields["seq"]),
            hash=str(fields["hash"]),
            at=str(fields["at"]),
            signature=str(fields["signature"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise CheckpointFileError(f"de laatste regel van {path} is geen controlepunt") from error
