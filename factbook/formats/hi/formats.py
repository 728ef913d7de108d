# Django's Hindi formats, with the Indian grouping of digits it leaves out.
YEAR_MONTH_FORMAT = "F Y"
NUMBER_GROUPING = (3, 2, 0)  # lakh and crore: 12,34,567
