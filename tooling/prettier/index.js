/** House style: Prettier defaults (2 spaces, double quotes, semicolons) with a wider line. */
export default { printWidth: 100 };
