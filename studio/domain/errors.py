"""Errors the core raises, each with a Chinese message that says what to do."""

from __future__ import annotations


class StudioError(Exception):
    """A request the studio refuses; `message` is shown to the user as it is."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(StudioError):
    """The user's input is malformed (bad key, value, file, path)."""

    exit_code = 2


# The exit code of a library command that went on past packages it could not read.
EXIT_BROKEN_PACKAGES = 3


class ActionRefused(StudioError):
    """The input is well formed but the rules or the workflow forbid the action now."""

    exit_code = 1


def os_error_message(error: OSError, path: object = None) -> str:
    """A failed file operation in words a user can act on."""
    import errno

    where = f"“{path or error.filename or ''}”"
    reasons = {
        errno.EACCES: f"没有权限读写{where}。请检查该文件或文件夹的权限，或请管理员开放权限后重试。",
        errno.EPERM: f"没有权限读写{where}。请检查该文件或文件夹的权限，或请管理员开放权限后重试。",
        errno.ENOSPC: f"磁盘空间已满，无法写入{where}。请清理磁盘空间后重试；已有的文件未被改动。",
        getattr(errno, "EDQUOT", -1): f"磁盘配额已用完，无法写入{where}。请清理空间后重试；已有的文件未被改动。",
        errno.EROFS: f"{where}所在的磁盘是只读的。请换一个可以写入的位置。",
        errno.ENOTDIR: f"{where}的路径中有一段是文件而不是文件夹。请检查路径。",
        errno.EISDIR: f"{where}是一个文件夹，这里需要的是文件。请检查路径。",
        errno.ENOENT: f"找不到{where}。请检查路径。",
        errno.EEXIST: f"{where}已存在（可能是同名的文件而不是文件夹）。请检查路径，或换一个名称。",
        errno.ENAMETOOLONG: f"{where}的路径或文件名太长。请换一个较短的名称。",
        errno.ELOOP: f"{where}的路径中有循环的快捷方式（符号链接）。请检查路径。",
    }
    return reasons.get(error.errno or 0, f"无法读写{where}（{error.strerror or error}）。请检查路径和权限后重试。")
