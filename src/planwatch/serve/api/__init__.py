"""The JSON API under ``/api/v1``: reads for everyone (unless sign-in is required), writes with a token or session."""

from fastapi import APIRouter

from .reads import router as reads
from .writes import router as writes

router = APIRouter(prefix="/api/v1")
router.include_router(reads)
router.include_router(writes)
