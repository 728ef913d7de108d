"""Query expressions the apps share."""

from django.db import models


class SubqueryCount(models.Subquery):
    """How many rows a correlated queryset has, as a column. Unlike Count() over a join it needs
    no GROUP BY over the whole table, so a page of 25 rows counts only for those 25."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = models.IntegerField()
