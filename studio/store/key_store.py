"""Members' private keys in their own profile, each file sealed with the member's passphrase.

The passphrase is stretched with scrypt and the key sealed with AES-GCM, so a copied
file is useless without the passphrase and a wrong passphrase is told apart from damage.
Demo keys ship with the demo library (assets/demo/keys) and are sealed the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path

from Cryptodome.Cipher import AES

from studio.domain.errors import ActionRefused, InvalidInput
from studio.domain.names import normalise_name
from studio.domain.signing import KeyPair, public_of
from studio.paths import user_keys_dir
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

FORMAT = 1
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


class WrongPassphrase(ActionRefused):
    """The passphrase does not open the key."""


def key_file(library_id: str, member: str, folder: Path | None = None) -> Path:
    name = hashlib.sha256(normalise_name(member).encode("utf-8")).hexdigest()[:24]
    return (folder or user_keys_dir()) / library_id / f"{name}.json"


def _stretch(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **_SCRYPT)


def seal(key: KeyPair, member: str, passphrase: str, demo: bool = False) -> dict:
    if len(passphrase) < 4 and not demo:
        raise InvalidInput("口令太短：请至少使用4个字符。")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    cipher = AES.new(_stretch(passphrase, salt), AES.MODE_GCM, nonce=nonce)
    sealed, tag = cipher.encrypt_and_digest(bytes.fromhex(key.private_hex))
    return {"format": FORMAT, "member": member, "algorithm": key.algorithm, "public_key": key.public_hex,
            "demo": demo, "kdf": {"name": "scrypt", **_SCRYPT, "salt": salt.hex()},
            "nonce": nonce.hex(), "sealed": sealed.hex(), "tag": tag.hex()}


def unseal(data: dict, passphrase: str) -> KeyPair:
    try:
        salt = bytes.fromhex(data["kdf"]["salt"])
        cipher = AES.new(_stretch(passphrase, salt), AES.MODE_GCM, nonce=bytes.fromhex(data["nonce"]))
        private = cipher.decrypt_and_verify(bytes.fromhex(data["sealed"]), bytes.fromhex(data["tag"]))
    except ValueError:
        raise WrongPassphrase(f"口令不正确，未能打开成员“{data.get('member', '')}”的签名密钥。请重新输入口令。") from None
    except (KeyError, TypeError):
        raise InvalidInput("签名密钥文件已损坏，无法读取。请生成新密钥，并请管理员登记新公钥。") from None
    private_hex = private.hex()
    return KeyPair(private_hex, public_of(private_hex), data.get("algorithm", "SM2-SM3"))


def save_key(library_id: str, member: str, key: KeyPair, passphrase: str, folder: Path | None = None) -> Path:
    path = key_file(library_id, member, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, dumps(seal(key, member, passphrase)))
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path


def load_sealed(library_id: str, member: str, folder: Path | None = None) -> dict | None:
    try:
        return json.loads(key_file(library_id, member, folder).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:
        raise InvalidInput("签名密钥文件已损坏，无法读取。请生成新密钥，并请管理员登记新公钥。") from None
