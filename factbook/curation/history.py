"""Every history row says which action made it: curator actions set their own reason
(`_change_reason`); what is left was saved by the import or a script."""

UNNAMED_ACTION = "Import or script (no curator action)"


def name_the_action(sender, history_instance, **kwargs):
    if not history_instance.history_change_reason:
        history_instance.history_change_reason = UNNAMED_ACTION
