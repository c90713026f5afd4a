/**
 * Exit codes of `gantry run`, for runners that read them (Jenkins: `sh(returnStatus: true)`).
 * 3 means the stage finished but asked for the build to be marked unstable, e.g. a scan gate with strategy warn.
 */
export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNSTABLE = 3;
