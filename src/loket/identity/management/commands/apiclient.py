from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from loket.identity.models import ApiClient
from loket.identity.services import register_api_client, revoke_api_client


class Command(BaseCommand):
    help = "Manage the API clients that call Loket's standard APIs with a ZGW JWT."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add a client, or replace its secret and scopes.")
        add.add_argument("--client-id", required=True)
        add.add_argument("--secret", required=True)
        add.add_argument("--label", default="")
        scopes = add.add_mutually_exclusive_group(required=True)
        scopes.add_argument("--all-scopes", action="store_true")
        scopes.add_argument("--scope", action="append", dest="scopes", metavar="SCOPE")
        actions.add_parser("list", help="List the clients.")
        revoke = actions.add_parser("revoke", help="Refuse a client's tokens from now on.")
        revoke.add_argument("--client-id", required=True)

    def handle(self, *, action, **options):
        if action == "add":
            if len(options["secret"]) < 16:
                raise CommandError("The secret must be at least 16 characters long.")
            client = register_api_client(
                client_id=options["client_id"],
                secret=options["secret"],
                label=options["label"],
                all_scopes=options["all_scopes"],
                scopes=options["scopes"] or (),
            )
            self.stdout.write(f"API client {client.client_id} is ready.")
        elif action == "list":
            for client in ApiClient.objects.all():
                scopes = "all scopes" if client.all_scopes else ", ".join(client.scopes)
                state = f"revoked {client.revoked_at:%Y-%m-%d}" if client.revoked_at else "active"
                self.stdout.write(f"{client.client_id}\t{state}\t{scopes}")
        else:
            if not revoke_api_client(options["client_id"], at=timezone.now()):
                raise CommandError(f"There is no active API client {options['client_id']}.")
            self.stdout.write(f"API client {options['client_id']} is revoked.")
