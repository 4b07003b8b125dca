// Context: shared (build-time constant). Defined by wxt.config.ts from WXT_PUSHLENS_PLANT: the
// bench self-check's planted regression, '' in every normal build (lib/page/self-check-plant.ts).
declare const __PUSHLENS_PLANT__: string;
