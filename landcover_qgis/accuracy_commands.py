"""Engine command lines of good-practice accuracy assessment: ``sample-design``, and ``evaluate`` on a sample.

Like :mod:`landcover_qgis.engine_commands`, requests name options by the engine's identifiers and
:func:`~landcover_qgis.command_line.engine_args` spells them; settings left out are the engine's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from landcover_qgis.command_line import Settings, engine_args
from landcover_qgis.engine_commands import EngineCall, EvaluateRequest
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import translate
from landcover_qgis.layer_io import RasterInput, VectorInput, preparations

#: The engine command drawing a sample, and its options (the ``dest`` of ``landcover schema``).
SAMPLE_DESIGN = "sample-design"
PREDICTION = "prediction"
OUT = "out"
MASK = "mask"
MASK_LAYER = "mask_layer"
TARGET_SE = "target_se"
EXPECTED_UA = "expected_ua"
MIN_PER_CLASS = "min_per_class"
TOTAL = "total"
SEED = "seed"
#: ``evaluate``'s switch for the stratified estimates.
AREA_ADJUSTED = "area_adjusted"
#: The field of a sample the analyst labels.
REFERENCE_FIELD = "reference"


@dataclass
class SampleDesignRequest:
    """What ``landcover sample-design`` needs: a class map and the point layer to write.

    Attributes:
        prediction: The class map (strata: its classes).
        out: The GPKG to write (its design goes beside it as ``NAME.design.json``).
        mask: Polygons of the area of interest, or None.
        settings: Further options by identifier (``target_se``, ``expected_ua``, ``min_per_class``, ``total``,
            ``seed``).
    """

    prediction: RasterInput
    out: str
    mask: Optional[VectorInput] = None
    settings: Settings = field(default_factory=dict)

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``sample-design`` command line."""
        options: Settings = {PREDICTION: self.prediction.path, OUT: self.out, **self.settings}
        if self.mask is not None:
            options.update({MASK: self.mask.path, MASK_LAYER: self.mask.layer_name})
        return EngineCall(SAMPLE_DESIGN, engine_args(schema, SAMPLE_DESIGN, options), translate(
                "SampleDesignRequest", "Designing the sample"),
                          preparations(self.prediction, self.mask))


def area_assessment_request(prediction: str, sample: VectorInput, out_json: str, out_png: Optional[str] = None,
                            class_field: str = REFERENCE_FIELD) -> EvaluateRequest:
    """``evaluate`` of a labelled sample with the stratified estimates of accuracy and area (``area_adjusted``)."""
    return EvaluateRequest(prediction=prediction, out_json=out_json, out_png=out_png, reference_vector=sample,
                           class_field=class_field, settings={AREA_ADJUSTED: True})
