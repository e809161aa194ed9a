import "reflect-metadata";
import { DEMO_LOGINS, formatLogins } from "../seed/demo.js";

console.log(formatLogins(DEMO_LOGINS));
