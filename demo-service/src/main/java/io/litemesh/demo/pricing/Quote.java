/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.pricing;

import java.math.BigDecimal;

/**
 * The price of some units of a product.
 *
 * @param sku the SKU
 * @param quantity how many units
 * @param unitPrice the list price of one unit
 * @param discountPercent the volume discount applied, {@code 0} for none
 * @param total what the units cost after the discount
 * @param currency the currency code
 * @param pricedBy the id of the node that priced it
 * @author LiteMesh team
 */
public record Quote(String sku, int quantity, BigDecimal unitPrice, int discountPercent, BigDecimal total,
		String currency, String pricedBy) {

}
