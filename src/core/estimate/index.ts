export { estimateConversion, measureMaturityLag } from './conversion.js';
export type { ConversionEstimate, ConversionOptions, ConversionTrack, MaturityLag } from './conversion.js';
export { Exact, wilsonInterval } from './wilson.js';
