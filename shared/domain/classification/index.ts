/** EU AI Act classification: the questionnaire, its answers, classify() and the obligations it selects. */
export * from './annexes';
export * from './questions';
export * from './answers';
export * from './flow';
export * from './result';
export * from './classify';
export * from './summary';
export * from './obligations';
