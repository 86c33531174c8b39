#!/usr/bin/perl
# A third-party OAI-PMH provider for the crosswalk's test: Debian's Dancer::Plugin::Catmandu::OAI over the records
# in records.yml. Run as: perl app.pl PORT (from this folder).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Dancer;
use Catmandu;
use Dancer::Plugin::Catmandu::OAI;

Catmandu->config->{store}{peer} = {package => 'Fixture', options => {file => "$FindBin::Bin/records.yml"}};
set port => $ARGV[0] // die "usage: perl app.pl PORT\n";
set server => '127.0.0.1';
set charset => 'UTF-8';
set logger => 'console';
set log => 'warning';
set startup_info => 1;
set plugins => {'Catmandu::OAI' => {
    store => 'peer',
    bag => 'data',
    datestamp_field => 'datestamp',
    repositoryName => 'A Catmandu peer',
    adminEmail => 'peer@example.org',
    earliestDatestamp => '2011-03-15T00:00:00Z',
    deletedRecord => 'persistent',
    repositoryIdentifier => 'catmandu.example.org',
    limit => 7,
    delimiter => ':',
    sampleIdentifier => 'oai:catmandu.example.org:item-01',
    metadata_formats => [{
        metadataPrefix => 'oai_dc',
        schema => 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
        metadataNamespace => 'http://www.openarchives.org/OAI/2.0/oai_dc/',
        template => "$FindBin::Bin/oai_dc.tt",
    }],
}};

oai_provider '/oai', deleted => sub { $_[0]->{deleted} };

dance;
