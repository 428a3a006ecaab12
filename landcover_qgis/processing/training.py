"""Training algorithms: ``landcover:train``, ``landcover:finetune``, ``landcover:selftrain``, ``landcover:pseudolabel``.

The last two appear only when the engine has the ``self-train`` / ``pseudo-label`` commands.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)

from landcover_qgis.engine_commands import PseudoLabelRequest, SelfTrainRequest, TrainRequest
from landcover_qgis.engine_options import (
    ARCH,
    BANDS,
    CLASS_FIELD,
    CLASSES,
    DATASET,
    ESTIMATE,
    FINETUNE,
    HISTOGRAM_REFERENCE,
    IMAGE,
    LABEL_RASTERS,
    LABELS,
    LAYER,
    MODEL,
    OUT,
    PRESET,
    RESUME,
    SPARSE,
    UNLABELED,
    WEIGHTS,
)
from landcover_qgis.engine_runner import EngineResult
from landcover_qgis.engine_schema import OptionSpec
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import VectorInput
from landcover_qgis.processing.base import VECTOR_EXTENSIONS, EngineAlgorithm
from landcover_qgis.processing.engine_parameters import EngineOption, enum_parameter
from landcover_qgis.processing.layer_checks import (
    chosen_bands_problem,
    field_problem,
    model_files_problem,
    models_problem,
    overlap_problem,
)
from landcover_qgis.processing.model_parameters import ModelFilesParameter, model_file_parameter
from landcover_qgis.qt_compat import SOURCE_RASTER, SOURCE_VECTOR_ANY

#: The engine's training options shown by train, fine-tune and self-train.
TRAIN_OPTIONS: Tuple[EngineOption, ...] = (
    EngineOption("DECODER", "decoder",
                 Deferred.translate("EngineOption", "Decoder (plus: sharper edges, roads and buildings)")),
    EngineOption("EPOCHS", "epochs", Deferred.translate("EngineOption", "Epochs")),
    EngineOption("BATCH_SIZE", "batch_size", Deferred.translate("EngineOption", "Batch size")),
    EngineOption("TILE_SIZE", "tile_size", Deferred.translate("EngineOption", "Tile size (pixels)")),
    EngineOption("LR", "lr", Deferred.translate("EngineOption", "Learning rate")),
    EngineOption("SAMPLES_PER_EPOCH", "samples_per_epoch",
                 Deferred.translate("EngineOption", "Training tiles per epoch")),
    EngineOption("CLASS_BALANCE", "class_balance",
                 Deferred.translate("EngineOption", "Class-aware sampling (0 = label proportions, 1 = equal)"),
                 advanced=True),
    EngineOption("CLASS_WEIGHTS", "class_weights", Deferred.translate("EngineOption", "Class weights of the loss"),
                 advanced=True),
    EngineOption("COLOR_JITTER", "color_jitter", Deferred.translate("EngineOption", "Photometric augmentation"),
                 advanced=True),
    EngineOption("VAL_FRACTION", "val_fraction", Deferred.translate("EngineOption", "Validation share"), advanced=True),
    EngineOption("VAL_SPLIT", "val_split",
                 Deferred.translate("EngineOption", "Validation split (whole scenes or blocks of every scene)"),
                 advanced=True),
    EngineOption("PATIENCE", "patience", Deferred.translate("EngineOption", "Early-stopping patience (epochs)"),
                 advanced=True),
    EngineOption("SEED", "seed", Deferred.translate("EngineOption", "Random seed"), advanced=True),
    EngineOption("DEVICE", "device", Deferred.translate("EngineOption", "Compute device"), advanced=True),
    EngineOption("PRECISION", "precision",
                 Deferred.translate("EngineOption", "Arithmetic (auto: mixed precision on GPUs)"), advanced=True),
    EngineOption("LOADER_WORKERS", "loader_workers",
                 Deferred.translate("EngineOption", "Tile-loading processes (empty: automatic)"), advanced=True),
    EngineOption("DROPOUT", "dropout", Deferred.translate("EngineOption", "Dropout rate of the head"), advanced=True),
    EngineOption("EMA", "ema",
                 Deferred.translate("EngineOption", "Moving average of the weights (decay per step, 0 = off)"),
                 advanced=True),
)
#: The ``WEIGHTS`` choice that takes the backbone weights from ``WEIGHTS_FILE`` (as the dock's "file…").
WEIGHTS_FILE_CHOICE = "file"
#: Options of command-specific algorithms handled by their own parameters (not generic engine options).
_HANDLED = {IMAGE, BANDS, LABELS, LAYER, CLASS_FIELD, LABEL_RASTERS, DATASET, CLASSES, SPARSE, OUT, ARCH, WEIGHTS,
            FINETUNE, RESUME, HISTOGRAM_REFERENCE, MODEL, UNLABELED, ESTIMATE, PRESET}


def generic_options(specs: List[OptionSpec], exclude: set) -> Tuple[EngineOption, ...]:
    """Every option of an engine command not handled otherwise, as parameters named after it.

    Numbers, switches, choices and text (such as ``--class-thresholds``); their kind and help are the engine's.
    """
    return tuple(EngineOption(spec.dest.upper(), spec.dest, spec.dest.replace("_", " ").capitalize())
                 for spec in specs if spec.dest not in exclude and not spec.positional and not spec.repeatable)


class LabelledImageAlgorithm(EngineAlgorithm):
    """An image, its bands and labelled features with a class field (train, fine-tune, self-train)."""

    engine_command = "train"
    options = TRAIN_OPTIONS

    def add_labelled_image(self) -> None:
        """Adds the image raster, its bands, the labelled features and their class field."""
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", translate(
                "LabelledImageAlgorithm", "Image raster")))
        self.addParameter(QgsProcessingParameterBand("BANDS", translate(
                "LabelledImageAlgorithm", "Bands (none chosen: all but alpha)"), None, "INPUT",
                                                     optional=True, allowMultiple=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "LABELS",
                translate("LabelledImageAlgorithm", "Labelled features (polygons, points or lines)"),
                [SOURCE_VECTOR_ANY],
            )
        )
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", translate("LabelledImageAlgorithm", "Class field"),
                                                      parentLayerParameterName="LABELS"))

    def add_reference(self) -> None:
        """The histogram reference raster, when the engine command has that option."""
        reference = self.option(HISTOGRAM_REFERENCE)
        if reference is not None:
            parameter = QgsProcessingParameterRasterLayer("REFERENCE", translate(
                    "LabelledImageAlgorithm", "Reference raster for histogram matching"),
                                                          optional=True)
            parameter.setHelp(reference.help)
            self.addParameter(parameter)

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks the image, its chosen bands, the class field and that image and labels overlap."""
        image = self.parameterAsRasterLayer(parameters, "INPUT", context)
        labels = self.parameterAsSource(parameters, "LABELS", context)
        if image is None or labels is None:
            return translate("LabelledImageAlgorithm", "Choose the image raster and the labelled features.")
        problem = chosen_bands_problem(image, self.parameterAsInts(parameters, "BANDS", context))
        problem = problem or field_problem(labels.fields(), self.parameterAsString(parameters, "CLASS_FIELD", context),
                                           labels.sourceName())
        return problem or overlap_problem(image.extent(), image.crs(), image.name(),
                                          labels.sourceExtent(), labels.sourceCrs(), labels.sourceName(), context)

    def train_request(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> TrainRequest:
        """The training request the parameters describe (labels exported if selected/filtered/not a file)."""
        image = self.raster(parameters, "INPUT", context)
        path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, "LABELS", context, VECTOR_EXTENSIONS, "gpkg", feedback)
        if not path:
            raise QgsProcessingException(translate("LabelledImageAlgorithm", "Invalid labelled features for LABELS."))
        reference = self.parameterAsRasterLayer(parameters, "REFERENCE", context) if "REFERENCE" in parameters else None
        request = TrainRequest(
            image=self.engine_raster(image, self.parameterAsInts(parameters, "BANDS", context)),
            out=self.output_file(parameters, "OUTPUT", context),
            labels=VectorInput(os.path.abspath(path), layer_name or None),
            class_field=self.parameterAsString(parameters, "CLASS_FIELD", context),
            reference=self.engine_raster(reference) if reference is not None else None,
            settings=self.engine_settings(parameters, context),
        )
        problem = request.validate()
        if problem:
            raise QgsProcessingException(problem)
        return request

    def add_model_output(self) -> None:
        """Adds the model file destination and the best validation mIoU output."""
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", translate(
                "LabelledImageAlgorithm", "Model file"), translate(
                "LabelledImageAlgorithm", "landcover model (*.pt)")))
        self.addOutput(QgsProcessingOutputNumber("BEST_VAL_MIOU", translate(
                "LabelledImageAlgorithm", "Best validation mIoU")))

    def model_outputs(self, result: EngineResult, request: TrainRequest) -> Dict[str, Any]:
        """The algorithm's outputs: the saved model file and its best validation mIoU."""
        return {"OUTPUT": result.outputs.get("model", request.out),
                "BEST_VAL_MIOU": result.summary.get("best_val_miou")}


class TrainAlgorithm(LabelledImageAlgorithm):
    """``landcover:train`` — trains a new model from an image and labelled features."""

    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Trains a DeepLabV3 model from an image and sparse labels (polygons, points or lines with a class "
        "field; 'Selected features only' is honoured) in the landcover engine, and saves it as a .pt model "
        "file. With a reference raster, every image is histogram-matched to it and the reference travels in "
        "the model, so Classify matches new images to it too."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "train"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("TrainAlgorithm", "Train land-cover model")

    def add_parameters(self) -> None:
        """Declares the labelled image, architecture, backbone weights, reference, training options and model file."""
        self.add_labelled_image()
        for name, description, dest in (("ARCH", translate("TrainAlgorithm", "Architecture"), "arch"),
                                        ("WEIGHTS", translate("TrainAlgorithm", "Backbone weights"), "weights")):
            spec = self.option(dest)
            ids = (self.schema.architectures if dest == "arch" else self.schema.weights) if self.schema else ()
            if dest == "weights":
                ids = (*ids, WEIGHTS_FILE_CHOICE)
            parameter = enum_parameter(name, description, ids, spec.default if spec else None)
            parameter.setHelp(spec.help if spec else "")
            self.addParameter(parameter)
        weights_file = QgsProcessingParameterFile(
            "WEIGHTS_FILE",
            translate("TrainAlgorithm", "Backbone weights file (with 'file')"),
            fileFilter=translate("TrainAlgorithm", "Weights (*.pt *.pth);;All files (*)"),
            optional=True,
        )
        weights_file.setHelp(translate("TrainAlgorithm", "A torchvision or timm state dict of the chosen "
                                                         "architecture's backbone (e.g. torchgeo's Sentinel-2 "
                                                         "ResNet50), used when Backbone weights is 'file'. Any band "
                                                         "count: the first convolution is adapted by band number."))
        self.addParameter(weights_file)
        self.add_reference()
        self.add_options()
        self.add_model_output()

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Adds to the labelled-image checks that a weights file is given exactly when 'file' is chosen."""
        choice = self.enum_id(parameters, "WEIGHTS", context)
        path = self.file(parameters, "WEIGHTS_FILE", context)
        if choice == WEIGHTS_FILE_CHOICE and not os.path.isfile(path):
            return (translate("TrainAlgorithm", "Choose an existing backbone weights file (WEIGHTS_FILE) for "
                                                "Backbone weights 'file'; {path} does not exist.").format(path=path)
                    if path else
                    translate("TrainAlgorithm", "Choose an existing backbone weights file (WEIGHTS_FILE) for "
                                                "Backbone weights 'file'."))
        if choice != WEIGHTS_FILE_CHOICE and path:
            return (translate("TrainAlgorithm", "A backbone weights file is given but Backbone weights is "
                                                "'{choice}': choose 'file' to use {name}, or clear the file.").format(
                                                    choice=choice, name=os.path.basename(path)))
        return super().problem(parameters, context)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``train`` and returns the model file and its best validation mIoU."""
        request = self.train_request(parameters, context, feedback)
        request.arch = self.enum_id(parameters, "ARCH", context)
        choice = self.enum_id(parameters, "WEIGHTS", context)
        request.weights = self.file(parameters, "WEIGHTS_FILE", context) if choice == WEIGHTS_FILE_CHOICE else choice
        return self.model_outputs(self.run_call(self.engine_call(request), feedback), request)


class FineTuneAlgorithm(LabelledImageAlgorithm):
    """``landcover:finetune`` — continues training an existing model on new labels of its classes."""

    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Fine-tunes an existing landcover model on an image and labelled features of its classes (a "
        "class name it does not know is refused) and saves the result as a new model file."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "finetune"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("FineTuneAlgorithm", "Fine-tune land-cover model")

    def add_parameters(self) -> None:
        """Declares the model to start from, the labelled image, the reference, training options and the model file."""
        self.addParameter(model_file_parameter("MODEL", translate("FineTuneAlgorithm", "Model file to start from")))
        self.add_labelled_image()
        self.add_reference()
        self.add_options()
        self.add_model_output()

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Adds to the labelled-image checks that the starting model exists."""
        return super().problem(parameters, context) or model_files_problem([self.file(parameters, "MODEL", context)])

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Asks the engine whether the starting model can read the image's chosen bands."""
        return models_problem([self.file(parameters, "MODEL", context)],
                              self.parameterAsRasterLayer(parameters, "INPUT", context),
                              self.parameterAsInts(parameters, "BANDS", context))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``train --finetune`` and returns the new model file and its best validation mIoU."""
        request = self.train_request(parameters, context, feedback)
        request.finetune = self.file(parameters, "MODEL", context)
        return self.model_outputs(self.run_call(self.engine_call(request), feedback), request)


class SelfTrainAlgorithm(LabelledImageAlgorithm):
    """``landcover:selftrain`` — trains in rounds, adding its own confident predictions on unlabeled scenes."""

    engine_command = "self-train"
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Self-training: trains on the labelled image, pseudo-labels the unlabeled scenes with the "
        "confident predictions, and trains again, for several rounds. The log reports each round's "
        "validation mIoU."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "selftrain"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("SelfTrainAlgorithm", "Self-train land-cover model")

    def add_parameters(self) -> None:
        """Declares the labelled image, the unlabeled scenes, the reference, ``self-train`` options and model file."""
        self.options = generic_options(self.schema.options(self.engine_command), _HANDLED) if self.schema else ()
        self.add_labelled_image()
        self.addParameter(QgsProcessingParameterMultipleLayers("UNLABELED", translate(
                "SelfTrainAlgorithm", "Unlabeled scenes"),
                                                               SOURCE_RASTER))
        self.add_reference()
        self.add_options()
        self.add_model_output()

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``self-train`` and returns the model file and its best validation mIoU."""
        request = self.train_request(parameters, context, feedback)
        scenes = [self.engine_raster(layer) for layer in self.rasters(parameters, "UNLABELED", context)]
        if not scenes:
            raise QgsProcessingException(translate("SelfTrainAlgorithm", "Choose at least one unlabeled scene."))
        call = self.engine_call(SelfTrainRequest(request, scenes))
        return self.model_outputs(self.run_call(call, feedback), request)


class PseudoLabelAlgorithm(EngineAlgorithm):
    """``landcover:pseudolabel`` — writes label rasters of the confident predictions on unlabeled scenes."""

    engine_command = "pseudo-label"
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Classifies unlabeled scenes with one model or an ensemble and keeps only the pixels predicted "
        "with at least the threshold confidence, as label rasters (one per scene) for further training."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "pseudolabel"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("PseudoLabelAlgorithm", "Pseudo-label scenes")

    def add_parameters(self) -> None:
        """Declares the model file(s), the unlabeled scenes, the ``pseudo-label`` options and the output folder."""
        self.options = generic_options(self.schema.options(self.engine_command), _HANDLED) if self.schema else ()
        self.addParameter(ModelFilesParameter("MODEL", translate("PseudoLabelAlgorithm", "Model file(s)")))
        self.addParameter(QgsProcessingParameterMultipleLayers("INPUT", translate(
                "PseudoLabelAlgorithm", "Unlabeled scenes"), SOURCE_RASTER))
        self.add_options()
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", translate(
                "PseudoLabelAlgorithm", "Folder of pseudo-label rasters")))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks that the model file(s) exist."""
        return model_files_problem(self.files(parameters, "MODEL", context))

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Asks the engine whether the model file(s) form a valid ensemble that can classify every chosen scene."""
        models = self.files(parameters, "MODEL", context)
        scenes: List[Optional[QgsRasterLayer]] = [*self.rasters(parameters, "INPUT", context)] or [None]
        for scene in scenes:
            problem = models_problem(models, scene, [])
            if problem:
                return problem
        return None

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``pseudo-label`` and returns the folder of label rasters."""
        request = PseudoLabelRequest(
            models=self.files(parameters, "MODEL", context),
            images=[self.engine_raster(layer) for layer in self.rasters(parameters, "INPUT", context)],
            out=self.output_file(parameters, "OUTPUT", context),
            settings=self.engine_settings(parameters, context),
        )
        result = self.run_call(self.engine_call(request), feedback)
        return {"OUTPUT": result.outputs.get("folder", request.out)}
