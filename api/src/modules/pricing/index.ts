/** The pricing module as other modules see it: the price of an order comes from order-price.ts. */
export { askedPrice, NO_PRICE_ASKED, orderPrice, type PriceRequest, priceRequestRefused } from "./order-price.js";
export { PRICE_LIST_KEEPERS, PRICE_NEGOTIATORS } from "./pricing.roles.js";
export { AGREED_PRICE_DESCRIPTION, PRICE_REASON_DESCRIPTION } from "./pricing.types.js";
export { listPriceOn } from "./list-price.js";
export { PricedItem } from "./pricing.types.js";
export { baseFeeOn, baseFeesOn } from "./base-fee.js";
