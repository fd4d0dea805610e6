// The literature the report's methods paragraphs cite, as author–year keys and full entries; the
// report lists the ones its paragraphs cite, in this (alphabetical) order.
export const REFERENCES = {
  'Bauer & Köhne 1994':
    'Bauer P, Köhne K (1994). Evaluation of experiments with adaptive interim analyses. Biometrics 50:1029–1041.',
  'Jennison & Turnbull 2000':
    'Jennison C, Turnbull BW (2000). Group Sequential Methods with Applications to Clinical Trials. ' +
    'Chapman & Hall/CRC.',
  'Lan & DeMets 1983':
    'Lan KKG, DeMets DL (1983). Discrete sequential boundaries for clinical trials. Biometrika 70:659–663.',
  'Lehmacher & Wassmer 1999':
    'Lehmacher W, Wassmer G (1999). Adaptive sample size calculations in group sequential trials. ' +
    'Biometrics 55:1286–1290.',
  'Marcus, Peritz & Gabriel 1976':
    'Marcus R, Peritz E, Gabriel KR (1976). On closed testing procedures with special reference to ordered ' +
    'analysis of variance. Biometrika 63:655–660.',
  'Schoenfeld 1983':
    'Schoenfeld D (1983). Sample-size formula for the proportional-hazards regression model. Biometrics 39:499–503.',
  'Simes 1986':
    'Simes RJ (1986). An improved Bonferroni procedure for multiple tests of significance. Biometrika 73:751–754.',
  'Simon & Maitournam 2004':
    'Simon R, Maitournam A (2004). Evaluating the efficiency of targeted designs for randomized clinical trials. ' +
    'Clinical Cancer Research 10:6759–6763.',
  'Spiessens & Debois 2010':
    'Spiessens B, Debois M (2010). Adjusted significance levels for subgroup analyses in clinical trials. ' +
    'Contemporary Clinical Trials 31:647–656.',
  'Wassmer & Pahlke':
    'Wassmer G, Pahlke F. rpact: confirmatory adaptive clinical trial design and analysis. R package, ' +
    'https://www.rpact.org.',
} as const;

export type Citation = keyof typeof REFERENCES;
