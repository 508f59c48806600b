export { withPricesAndFaults, type Faults, type Prices } from "./priced-provider";
