// The studio's version, written into exports and shown in the About box (a test keeps it equal to package.json).
export const APP_VERSION = '0.1.0';
