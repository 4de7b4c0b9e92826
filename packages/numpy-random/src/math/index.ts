// Exact ports of the glibc libm functions the references use (see README). Filled by issue 5.
export {};
