export { closeCpuPool, defineCpuTask } from "./cpu-pool";
