"""Stage ``backend`` for Vietnamese: sentences from underthesea unless another backend is chosen.

underthesea's NER is not run over the whole text: the ``ner`` stage asks it only
about the sentences that need it (:meth:`UndertheseaBackend.entities_of`).
"""
from __future__ import annotations

from pipeline.stages.backend_stage import BackendStage
from pipeline.stages.registry import Resources, register_stage


@register_stage("backend", lang="vi", requires=("text",), provides=("sentences", "ner"))
def vietnamese_backend(resources: Resources) -> BackendStage:
    """The backend stage for Vietnamese articles, registered under the language so it is found first."""
    return BackendStage(resources, "vi")
