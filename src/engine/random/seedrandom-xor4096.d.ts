// Types for the one seedrandom generator the engine uses, imported by its file path so the
// bundle carries only that generator (@types/seedrandom describes the package's index only).
declare module 'seedrandom/lib/xor4096.js' {
  interface Xor4096 {
    /** uniform on [0, 1) with 32 random bits */
    (): number;
    /** uniform on (0, 1) with 53 random bits (two 32-bit outputs) */
    double(): number;
    int32(): number;
    quick(): number;
  }
  const xor4096: (seed: string | number) => Xor4096;
  export default xor4096;
}
