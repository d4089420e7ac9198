// The interval moved to the shared estimator; re-exported so the projection's imports stay put.
export { Exact, wilsonInterval } from '../../estimate/wilson.js';
