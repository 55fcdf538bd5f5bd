"""Type stubs of the extension module (python/src/lib.rs); use it through ``mtlint``."""

import os
from typing import Any, Iterable, List, Optional, Sequence, Union

from . import Row

__version__: str

class MtlintError(ValueError):
    """An engine could not be built: a bad option, configuration file or lexicon."""

_Codes = Union[str, Sequence[str], None]
_Path = Union[str, "os.PathLike[str]", None]

class Engine:
    def __init__(
        self,
        target: Optional[str] = None,
        source: Optional[str] = None,
        only: _Codes = None,
        ignore: _Codes = None,
        config: _Path = None,
        lexicons: _Path = None,
        jobs: Optional[int] = None,
    ) -> None: ...
    def check(
        self,
        texts: Union[str, Iterable[str]],
        ids: Optional[Iterable[Union[str, int]]] = None,
        source: Optional[Iterable[Optional[str]]] = None,
    ) -> List[Row]: ...
    def rules(self) -> List[str]: ...
