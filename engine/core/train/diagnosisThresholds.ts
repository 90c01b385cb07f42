// The thresholds behind every verdict of the diagnosis, in one object so tests can check each one matters (the
// labelled histories in diagnose.cases.test.ts fail when any of them moves by 30%).

export interface DiagnosisThresholds {
  /** Epochs of evidence before any trend verdict (below it: 'too-early'). */
  minEpochs: number;
  /** Trailing median over this many epochs: a one- or two-epoch bump does not move it. */
  smoothingEpochs: number;
  /** Overfitting: smoothed validation loss at least this fraction above its best ... */
  overfitRiseOfBest: number;
  /** ... and above it by at least this fraction of what validation had gained before its best (noise on a tiny loss is not a rise) ... */
  overfitRiseOfGain: number;
  /** ... and by more than this many times the loss's epoch-to-epoch noise (also for training loss falls and rises). */
  noiseMultiple: number;
  /** ... for at least this many epochs past the best ... */
  overfitEpochsPastBest: number;
  /** ... while the smoothed training loss fell by at least this fraction since the validation best. */
  overfitTrainFall: number;
  /** Hysteresis: once overfitting, it stays so until the rise falls below this fraction of what entering needed. */
  overfitExitFraction: number;
  /** Flatness compares the median training loss of the last flatEpochs epochs with that of the flatEpochs before. */
  flatEpochs: number;
  /** Flat when the relative change between those windows is below this ... */
  flatEnterChange: number;
  /** ... and stays flat until it exceeds this (hysteresis). */
  flatExitChange: number;
  /** A flat loss at or below this fraction of the reference (chance, baseline or first epoch) is a fitted model. */
  convergedFraction: number;
  /** A loss at or above this fraction of chance (or of a known baseline) has learned little. */
  highFractionOfBaseline: number;
  /** Without a baseline, the first epoch (which already includes an epoch of learning) is the reference. */
  highFractionOfFirstEpoch: number;
  /** Underfitting needs validation no further above training than this factor (else the gap is the problem). */
  underfitMaxGapFactor: number;
  /** Learning slowly: a high loss falling by less than this fraction per epoch over the flat windows. */
  slowFallPerEpoch: number;
  /** A loss spike: an epoch's training loss at least this many times the median of the epochs before it. */
  spikeFactor: number;
  /**
   * ... and risen by at least this fraction of the reference loss (guessing, or the mean's): a loss near zero that
   * jumps several times over by less is a bump of a few pixels on a chart that starts near the reference.
   */
  spikeRiseOfReference: number;
  /** A spike has passed once the loss is back within this factor of where it was before. */
  spikeRecoveredFactor: number;
  /** A classifier at this training accuracy or above fits its data, whatever its loss (no underfitting, no slow learning). */
  fittedAccuracy: number;
  /** An early blow-up: a training loss in the first minEpochs epochs at least this many times the reference loss. */
  blowupFactor: number;
  /** An unstable validation loss is judged over this many of the latest validation epochs ... */
  unstableEpochs: number;
  /** ... where it rose at least this many times, each rise (from a low to the next high) ... */
  unstableRises: number;
  /** ... at least this fraction of the window's median validation loss ... */
  unstableSwingOfTypical: number;
  /** ... and of the reference loss (chance, baseline or first epoch): swings on a near-zero loss are not news ... */
  unstableSwingOfReference: number;
  /** ... while the training loss went back and forth at most this fraction as much over the same epochs. */
  unstableTrainShare: number;
  /** Diverging: training loss rising for this many epochs in a row ... */
  divergeRisingEpochs: number;
  /** ... to at least this fraction above its best (a warning) ... */
  divergeWarningRise: number;
  /** ... and an error at this many times its best. */
  divergeErrorFactor: number;
  /** Vanishing: a layer's gradient norm this far below the median of the other layers ... */
  vanishingRatio: number;
  /** ... or below this absolute floor ... */
  vanishingAbsolute: number;
  /** ... in each of the last this many epochs. */
  vanishingEpochs: number;
  /** A training loss this many times below the first epoch's means a fitted network: tiny gradients are expected. */
  solvedLossFall: number;
  /** Exploding: the total gradient norm grew this many times over its smallest earlier value ... */
  explodingGrowth: number;
  /** ... or this many times in one epoch (while above where it started). */
  explodingGrowthPerEpoch: number;
}

export const DIAGNOSIS_THRESHOLDS: Readonly<DiagnosisThresholds> = Object.freeze({
  minEpochs: 5,
  smoothingEpochs: 5,
  overfitRiseOfBest: 0.1,
  overfitRiseOfGain: 0.1,
  noiseMultiple: 3,
  overfitEpochsPastBest: 3,
  overfitTrainFall: 0.03,
  overfitExitFraction: 0.5,
  flatEpochs: 5,
  flatEnterChange: 0.01,
  flatExitChange: 0.03,
  convergedFraction: 0.05,
  highFractionOfBaseline: 0.6,
  highFractionOfFirstEpoch: 0.9,
  underfitMaxGapFactor: 1.25,
  slowFallPerEpoch: 0.01,
  spikeFactor: 3,
  spikeRiseOfReference: 0.02,
  spikeRecoveredFactor: 1.5,
  fittedAccuracy: 0.9,
  blowupFactor: 10,
  unstableEpochs: 12,
  unstableRises: 2,
  unstableSwingOfTypical: 0.3,
  unstableSwingOfReference: 0.05,
  unstableTrainShare: 0.5,
  divergeRisingEpochs: 3,
  divergeWarningRise: 0.3,
  divergeErrorFactor: 3,
  vanishingRatio: 1e-4,
  vanishingAbsolute: 1e-7,
  vanishingEpochs: 2,
  solvedLossFall: 1e-3,
  explodingGrowth: 100,
  explodingGrowthPerEpoch: 10,
});
