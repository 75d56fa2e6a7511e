"""Digital signatures over audit events: SM2 with SM3 (GB/T 32918, GM/T 0003/0004).

Only digests are signed (the SHA-256 hash of an event, 64 hex characters), so the cost
of a signature does not grow with the package. Every signature names its algorithm,
so another can be added later without touching old records. The SM2 arithmetic is the
compiled `gmalglib`; tests check its signatures against the independent `gmssl`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gmalglib.sm2 import SM2

SM2_SM3 = "SM2-SM3"
ALGORITHMS = (SM2_SM3,)


@dataclass(frozen=True)
class KeyPair:
    private_hex: str
    public_hex: str  # uncompressed point, "04" + x + y
    algorithm: str = SM2_SM3


def new_key_pair() -> KeyPair:
    sk, pk = SM2(rnd_fn=secrets.token_bytes).generate_keypair()
    return KeyPair(sk.hex(), pk.hex())


def public_of(private_hex: str) -> str:
    return SM2.get_pk(bytes.fromhex(private_hex)).hex()


def valid_public_key(public_hex: str) -> bool:
    try:
        return SM2.is_pk_valid(bytes.fromhex(public_hex)) and len(public_hex) == 130
    except ValueError:
        return False


def sign_digest(key: KeyPair, digest: str) -> str:
    signer = SM2(bytes.fromhex(key.private_hex), rnd_fn=secrets.token_bytes)
    return signer.sign(digest.encode("ascii")).hex()


@lru_cache(maxsize=256)
def _verifier(public_hex: str) -> SM2:
    """One verifier per public key: a member's many signatures share its set-up."""
    return SM2(pk=bytes.fromhex(public_hex))


def verify_digest(algorithm: str, public_hex: str, digest: str, signature: str) -> bool:
    if algorithm != SM2_SM3 or not isinstance(signature, str) or len(signature) != 128:
        return False
    try:
        return bool(_verifier(public_hex).verify(digest.encode("ascii"), bytes.fromhex(signature)))
    except (ValueError, TypeError):
        return False


def key_id(public_hex: str) -> str:
    """A short, stable name for a public key (shown to people comparing keys)."""
    return hashlib.sha256(public_hex.encode("ascii")).hexdigest()[:16]


def signature_record(key: KeyPair, member: str, digest: str) -> dict[str, Any]:
    return {"alg": key.algorithm, "member": member, "key": key_id(key.public_hex),
            "value": sign_digest(key, digest)}


def signature_holds(record: Any, public_hex: str, digest: str) -> bool:
    return (isinstance(record, dict) and record.get("key") == key_id(public_hex)
            and verify_digest(str(record.get("alg", "")), public_hex, digest, str(record.get("value", ""))))
