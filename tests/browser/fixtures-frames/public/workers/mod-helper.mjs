// Fixture (module worker dependency).
export const helper = 'module-helper';
